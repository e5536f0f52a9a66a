import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

// PostgreSQL's client programs (pg_dump, pg_restore), which the embedded server
// does not ship. Debian and Ubuntu keep most of them out of PATH, in
// /usr/lib/postgresql/<version>/bin.
const DEBIAN_DIR = "/usr/lib/postgresql";

export const PG_TOOLS_HELP =
  "Install PostgreSQL's client programs, of the server's major version or newer (the embedded database is PostgreSQL 15): " +
  "Debian/Ubuntu `apt-get install postgresql-client`; " +
  "macOS `brew install libpq` and add its bin folder to PATH; other systems: https://www.postgresql.org/download/";

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** PATH first, then /usr/lib/postgresql/<version>/bin, newest version first. */
export function pgToolDirs(path = process.env.PATH ?? "", debianDir = DEBIAN_DIR): string[] {
  const versions = existsSync(debianDir)
    ? readdirSync(debianDir).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  return [...path.split(delimiter).filter(Boolean), ...versions.map((v) => join(debianDir, v, "bin"))];
}

/** The first folder that holds every one of `names`, or null. */
export function findPgToolDir(names: string[], dirs = pgToolDirs()): string | null {
  return dirs.find((dir) => names.every((n) => isExecutable(join(dir, n)))) ?? null;
}

/** The path of one PostgreSQL program; a message saying where to get it when there is none. */
export function requirePgTool(name: string): string {
  const dir = findPgToolDir([name]);
  if (!dir) throw new Error(`${name} was not found on PATH nor in ${DEBIAN_DIR}/*/bin. ${PG_TOOLS_HELP}`);
  return join(dir, name);
}

// Prisma's own URL parameters, which libpq (and so pg_dump) rejects.
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"];

/**
 * A DATABASE_URL as PostgreSQL's programs take it: without Prisma's own
 * parameters, and with the password in PGPASSWORD rather than on the command
 * line (where every user of the machine could read it).
 */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv; label: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const p of PRISMA_ONLY_PARAMS) u.searchParams.delete(p);
  const database = decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username);
  return {
    dbname: u.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    label: `database "${database}" on ${u.hostname}:${u.port || 5432}`,
  };
}

/** A system user to run a program as (root only). */
export type RunAs = { uid: number; gid: number };

/** Runs a PostgreSQL program to completion; rejects with what it printed. */
export function runPgTool(file: string, args: string[], env: NodeJS.ProcessEnv = process.env, options: { cwd?: string; as?: RunAs } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, cwd: options.cwd, ...options.as, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out.trim() || `${file} exited with ${code}`))));
  });
}
