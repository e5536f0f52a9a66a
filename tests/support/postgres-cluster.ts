import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { ROLES, roleStatements } from "../../scripts/db/roles";
import { findPgToolDir, PG_TOOLS_HELP, runPgTool } from "../../scripts/lib/pg-tools";

// A throwaway PostgreSQL server of a test's own (initdb into a temporary
// folder, on a free port), for what a shared server or the embedded database
// cannot do: be restarted mid-test, or take a restore into a fresh database.
// initdb and postgres refuse to run as root, so as root they run as the
// `postgres` system user (which Debian's postgresql package creates).

const SERVER_TOOLS = ["initdb", "pg_ctl", "postgres"];
const isRoot = () => process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim()));
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Why no cluster can be started here, or null when one can. */
export function clusterUnavailable(): string | null {
  if (!findPgToolDir(SERVER_TOOLS)) return `PostgreSQL's server programs (${SERVER_TOOLS.join(", ")}) were not found. ${PG_TOOLS_HELP}`;
  if (isRoot() && !postgresUser()) return "Running as root, a test cluster needs the `postgres` system user (initdb refuses root).";
  if (isRoot() && !findPgToolDir(["runuser"])) return "Running as root, a test cluster needs runuser (util-linux) to run initdb as `postgres`.";
  return null;
}

/** Skips where PostgreSQL is not installed (a developer's machine), never in CI. */
export function clusterSkipReason(): string | null {
  const reason = clusterUnavailable();
  if (reason && process.env.CI) throw new Error(`CI needs a test PostgreSQL cluster: ${reason}`);
  return reason;
}

export type PostgresCluster = {
  port: number;
  /** Connection URL of database `db`, as the cluster's superuser unless `user` says otherwise. */
  url(db?: string, user?: string): string;
  createDatabase(name: string): Promise<string>;
  /**
   * A database set up as in production and CI (README, "two walls"; roles from
   * scripts/db/roles.ts): owned by `helpt` (migrations, seeds), which may
   * create databases; `helpt_web` is the web app's login, `helpt_system` the
   * system login.
   */
  createHelptDatabase(name: string): Promise<{ ownerUrl: string; appUrl: string; systemUrl: string }>;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const reason = clusterUnavailable();
  if (reason) throw new Error(reason);
  const bin = findPgToolDir(SERVER_TOOLS)!;
  const owner = isRoot() ? postgresUser() : null;
  // As root: runuser -u postgres -- <tool> …; cwd in the cluster's own folder, which postgres can enter.
  const tool = (name: string, args: string[]): [string, string[]] =>
    owner ? [join(findPgToolDir(["runuser"])!, "runuser"), ["-u", "postgres", "--", join(bin, name), ...args]] : [join(bin, name), args];

  const dir = mkdtempSync(join(tmpdir(), "helpt-pg-"));
  const data = join(dir, "data");
  const password = randomBytes(12).toString("hex");
  writeFileSync(join(dir, "pw"), password, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(join(dir, "pw"), owner.uid, owner.gid);
  }
  const port = await freePort();
  const run = (name: string, args: string[]) => {
    const [file, argv] = tool(name, args);
    return runPgTool(file, argv);
  };

  await run("initdb", ["-D", data, "-U", "postgres", `--pwfile=${join(dir, "pw")}`, "--auth=scram-sha-256", "--no-locale", "--encoding=UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "-t", "60", "start"]);

  let stopped = false;
  // If the test process dies first, take the server down with it.
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const [file, argv] = tool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    spawnSync(file, argv, { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stopNow);

  const url = (db = "postgres", user = "postgres") => `postgresql://${user}:${password}@127.0.0.1:${port}/${db}?sslmode=disable`;
  const superuser = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let rolesCreated = false;
  return {
    port,
    url,
    async createDatabase(name) {
      await superuser([`CREATE DATABASE "${name}"`]);
      return url(name);
    },
    async createHelptDatabase(name) {
      if (!rolesCreated) {
        await superuser(roleStatements({ owner: password, system: password, web: password }));
        rolesCreated = true;
      }
      await superuser([`CREATE DATABASE "${name}" OWNER helpt`]);
      return { ownerUrl: url(name, ROLES.owner), appUrl: url(name, ROLES.web), systemUrl: url(name, ROLES.system) };
    },
    async restart() {
      await run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-m", "fast", "-w", "-t", "60", "restart"]);
    },
    async stop() {
      process.removeListener("exit", stopNow);
      if (stopped) return;
      stopped = true;
      await run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
