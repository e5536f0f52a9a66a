// `npm run db:restore -- <file> [--into <url>]`: restores a backup made by
// `npm run db:backup` into an empty database (DATABASE_URL unless --into),
// creating it when it does not exist. All or nothing: one transaction.
import { existsSync } from "node:fs";
import pg from "pg";
import { libpqTarget, requirePgTool, runPgTool } from "../lib/pg-tools";

const USAGE = "Usage: npm run db:restore -- <file> [--into postgresql://user:password@host:5432/database]";

function parseArgs(args: string[]): { file: string; into?: string } {
  let file: string | undefined;
  let into: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--into") into = args[++i];
    else if (a.startsWith("--into=")) into = a.slice("--into=".length);
    else if (!file && !a.startsWith("-")) file = a;
    else throw new Error(`Unexpected argument ${a}\n${USAGE}`);
  }
  if (!file || (into !== undefined && !into)) throw new Error(USAGE);
  return { file, into };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Connects to the target, creating the database first when it does not exist. */
async function connectOrCreate(url: string, label: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if ((error as { code?: string }).code !== "3D000") throw new Error(`Cannot connect to ${label}: ${(error as Error).message}`);
  }
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } catch (error) {
    throw new Error(`${label} does not exist and could not be created (${(error as Error).message}). Create it (createdb) and run again.`);
  } finally {
    await admin.end().catch(() => {});
  }
  console.log(`Created ${label}.`);
  const created = new pg.Client({ connectionString: url });
  await created.connect();
  return created;
}

async function main() {
  const { file, into } = parseArgs(process.argv.slice(2));
  const url = into ?? process.env.DATABASE_URL;
  if (!url) throw new Error(`Name the database to restore into: --into <url>, or set DATABASE_URL.\n${USAGE}`);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const target = libpqTarget(url);
  const pgRestore = requirePgTool("pg_restore");
  await runPgTool(pgRestore, ["--list", file]).catch((error: Error) => {
    throw new Error(`${file} is not a backup made by npm run db:backup:\n${error.message}`);
  });

  // Restoring over live data would mix two states: only an empty database will do.
  const client = await connectOrCreate(url, target.label);
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (rows[0].n > 0) {
      throw new Error(
        `${target.label} already has ${rows[0].n} tables; nothing was changed. ` +
          `Restore into a new database (--into …/helpt_restored), check it, then point DATABASE_URL at it.`,
      );
    }
  } finally {
    await client.end();
  }

  try {
    // --no-owner: the restoring role owns what it creates, as after `prisma migrate deploy`.
    await runPgTool(
      pgRestore,
      ["--no-owner", "--single-transaction", "--exit-on-error", "--no-password", `--dbname=${target.dbname}`, file],
      target.env,
    );
  } catch (error) {
    const message = (error as Error).message;
    const role = message.match(/role "([^"]+)" does not exist/)?.[1];
    throw new Error(
      `Restore into ${target.label} failed; nothing was restored:\n${message}` +
        (role ? `\nThe backup grants rights to role "${role}", which this server lacks: create it first (CREATE ROLE ${quoteIdent(role)} LOGIN …).` : ""),
    );
  }
  console.log(`Restored ${file} into ${target.label}. Start Helpt with DATABASE_URL pointing at it; newer migrations apply at start.`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
