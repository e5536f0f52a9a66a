// `npm start`: the whole product in one command. Without DATABASE_URL it
// runs an embedded PostgreSQL with demo data in .data/; with it, it uses that
// server. Migrates, seeds, builds when sources changed, serves, and stops
// everything cleanly on Ctrl-C.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ChildProcess } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { parseEnv } from "../lib/env";
import { seedDemo } from "../lib/seed/demo";
import { needsBuild, waitForHealth } from "./lib/build";
import { checkDatabase, countTenants, migrate } from "./lib/database";
import { isPortFree, startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { ROOT, runCli, startCli } from "./lib/run";

const PORT = Number(process.env.PORT ?? 3000);
// Relative to the project folder; an absolute path is used as it is.
const DATA_DIR = resolve(ROOT, process.env.HELPT_DATA_DIR ?? ".data");
const log = (msg: string) => console.log(`[helpt] ${msg}`);

/** A stable secret for the embedded mode, so sessions survive restarts. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function seed(url: string) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemo(prisma); // the owner: a member of helpt_system, every town
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  if (!(await isPortFree(PORT))) {
    throw new Error(`Port ${PORT} is already in use. Stop the program using it, or choose another port: PORT=3001 npm start`);
  }

  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    log(`No DATABASE_URL: starting the embedded PostgreSQL in ${join(DATA_DIR, "pglite")}`);
    const dbPort = process.env.HELPT_EMBEDDED_DB_PORT ? Number(process.env.HELPT_EMBEDDED_DB_PORT) : undefined;
    embedded = await startEmbeddedPostgres(join(DATA_DIR, "pglite"), dbPort);
    url = embedded.url;
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const env = {
      ...process.env, DATABASE_URL: url, AUTH_SECRET: authSecret(), PORT: String(PORT),
      ...(embedded ? { DATABASE_POOL_MAX: "1" } : {}),
    };
    parseEnv(env);
    await checkDatabase(url);
    if (!existsSync(join(ROOT, "generated/prisma/client.ts"))) await runCli("prisma", ["generate"], env);
    log("Applying database migrations…");
    await migrate(url);
    if (embedded || process.env.HELPT_SEED_DEMO === "1") {
      await seed(url);
      log(`Demo data ready (${await countTenants(url)} towns).`);
    }
    if (needsBuild()) {
      log("Building the app (first start or changed sources; this takes a minute or two)…");
      await runCli("next", ["build"], env);
    }
    const server = startCli("next", ["start", "-p", String(PORT)], env);
    const worker = startCli("worker", [], env);
    children.push(server, worker);
    server.on("exit", (code) => void stop(code ?? 1));
    worker.on("exit", (code) => void stop(code ?? 1));
    await waitForHealth(`http://localhost:${PORT}/api/health`);
    log("Helpt is running:");
    log(`  apex site      http://localhost:${PORT}`);
    log(`  Leuven (demo)  http://leuven.localhost:${PORT}`);
    log(`  Gent (demo)    http://gent.localhost:${PORT}`);
    if (!process.env.RESEND_API_KEY) log(`  dev mailbox    http://localhost:${PORT}/dev/mailbox`);
    log("Press Ctrl-C to stop.");
  } catch (error) {
    console.error(`\n[helpt] ${(error as Error).message}\n`);
    await stop(1);
  }
}

main().catch((error: Error) => {
  console.error(`\n[helpt] ${error.message}\n`);
  process.exit(1);
});
