import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isPortFree } from "./ports";
import { startPostgresCluster, type PostgresCluster } from "./postgres-cluster";
import { ROOT } from "./run";

// The embedded database of `npm start`: a PostgreSQL cluster kept in
// <data folder>/postgres with production's roles and a database `helpt`.
// While it runs, its owner's URL is in a file there, so `npm run db:backup`
// finds it without DATABASE_URL.

/** HELPT_DATA_DIR, relative to the project folder; an absolute path is used as it is. */
export function dataDir(): string {
  return resolve(ROOT, process.env.HELPT_DATA_DIR ?? ".data");
}

const urlFile = (data: string) => join(data, "postgres", "running-url");

/** The owner's URL of the embedded database while `npm start` runs, else null. */
export function runningEmbeddedDatabaseUrl(data = dataDir()): string | null {
  return existsSync(urlFile(data)) ? readFileSync(urlFile(data), "utf8").trim() : null;
}

/** Versions before the embedded server kept their database in .data/pglite: set aside, never deleted. */
function setAsidePglite(data: string, log: (msg: string) => void) {
  const old = join(data, "pglite");
  if (!existsSync(old)) return;
  let aside = `${old}.old`;
  for (let n = 2; existsSync(aside); n++) aside = `${old}.old${n}`;
  renameSync(old, aside);
  log(`${old} holds the database of an earlier Helpt version (PGlite), which this one cannot read: kept it as ${aside}; starting with fresh demo data.`);
}

export type EmbeddedDatabase = { cluster: PostgresCluster; ownerUrl: string; appUrl: string; systemUrl: string; stop(): Promise<void> };

/** Starts (creating on first use) the embedded database in `data`, on `port` or a free one. */
export async function startEmbeddedDatabase(data: string, log: (msg: string) => void, port?: number): Promise<EmbeddedDatabase> {
  setAsidePglite(data, log);
  if (port !== undefined && !(await isPortFree(port, "127.0.0.1"))) {
    throw new Error(`Port ${port} (HELPT_EMBEDDED_DB_PORT) is already in use: choose another one, or leave it unset for a free port.`);
  }
  const dir = join(data, "postgres");
  log(`No DATABASE_URL: starting the embedded PostgreSQL in ${dir}`);
  const cluster = await startPostgresCluster({ dir, port, log });
  try {
    const { ownerUrl, appUrl, systemUrl } = await cluster.createHelptDatabase("helpt");
    writeFileSync(urlFile(data), ownerUrl, { mode: 0o600 });
    return {
      cluster,
      ownerUrl,
      appUrl,
      systemUrl,
      async stop() {
        rmSync(urlFile(data), { force: true });
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
