// The database logins Helpt expects (README, "Using a real PostgreSQL"), in one
// place for every launcher: the test cluster, CI and the embedded database.
//
//   helpt         owner: migrations, seeds, backups; member of both groups below
//   helpt_app     NOLOGIN group: the table grants; a town's rows only, with a scope signed by the app
//   helpt_system  system login (worker, platform console, sign-up, webhooks): every town's rows
//   helpt_web     the web app's login: a member of helpt_app only, so no SQL it runs can reach
//                 helpt_system or another town (SECURITY.md, "two walls")
//
// The scope key is not installed here: the migration draws it inside the
// database (20261130040000_unforgeable_scope) and the app reads it as helpt_system.
import { pathToFileURL } from "node:url";
import pg from "pg";

export const ROLES = { owner: "helpt", app: "helpt_app", system: "helpt_system", web: "helpt_web" } as const;

export type LoginPasswords = { owner: string; system: string; web: string };

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Idempotent statements for a superuser: create the roles if missing, (re)set passwords and memberships. */
export function roleStatements(passwords: LoginPasswords): string[] {
  const { owner, app, system, web } = ROLES;
  return [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner}; END IF;
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app}') THEN CREATE ROLE ${app}; END IF;
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${system}') THEN CREATE ROLE ${system}; END IF;
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${web}') THEN CREATE ROLE ${web}; END IF;
     END $$`,
    `ALTER ROLE ${owner} LOGIN CREATEDB PASSWORD ${literal(passwords.owner)}`,
    `ALTER ROLE ${app} NOLOGIN NOBYPASSRLS`,
    `ALTER ROLE ${system} LOGIN NOBYPASSRLS PASSWORD ${literal(passwords.system)}`,
    `ALTER ROLE ${web} LOGIN NOBYPASSRLS PASSWORD ${literal(passwords.web)}`,
    `GRANT ${app} TO ${owner}, ${system}, ${web}`,
    `GRANT ${system} TO ${owner}`,
  ];
}

/** Runs roleStatements as the superuser of `superuserUrl`. */
export async function createRoles(superuserUrl: string, passwords: LoginPasswords): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const statement of roleStatements(passwords)) await client.query(statement);
  } finally {
    await client.end();
  }
}

// `node --import tsx scripts/db/roles.ts | psql`: the statements as SQL (CI),
// passwords from HELPT_OWNER_PASSWORD, HELPT_SYSTEM_PASSWORD, HELPT_WEB_PASSWORD.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const get = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const passwords = { owner: get("HELPT_OWNER_PASSWORD"), system: get("HELPT_SYSTEM_PASSWORD"), web: get("HELPT_WEB_PASSWORD") };
  for (const statement of roleStatements(passwords)) console.log(`${statement};`);
}
