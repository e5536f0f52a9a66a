// `npm start`: the whole product in one command. Without DATABASE_URL it
// runs an embedded PostgreSQL server with demo data in .data/postgres; with it,
// it uses that server. Migrates, seeds, builds when sources changed, serves,
// and stops everything cleanly on Ctrl-C.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { ChildProcess } from "node:child_process";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { parseEnv } from "../lib/env";
import { seedDemo } from "../lib/seed/demo";
import { addCompileHints } from "./build/compile-hints.mjs";
import { needsBuild, waitForHealth } from "./lib/build";
import { checkDatabase, listTowns, migrate } from "./lib/database";
import { dataDir, startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-database";
import { isPortFree } from "./lib/ports";
import { ROOT, runCli, startCli } from "./lib/run";

const PORT = Number(process.env.PORT ?? 3000);
const DATA_DIR = dataDir();
const log = (msg: string) => console.log(`[helpt] ${msg}`);
const SHOWN_TOWNS = 10;

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

/** Next's output, less its "Network" address: the app answers by host name, so an IP address gets a 404. */
function forwardServerOutput(server: ChildProcess) {
  if (server.stdout) createInterface({ input: server.stdout }).on("line", (line) => /^\s*- Network:/.test(line) || console.log(line));
  server.stderr?.pipe(process.stderr);
}

async function main() {
  if (!(await isPortFree(PORT))) {
    throw new Error(`Port ${PORT} is already in use. Stop the program using it, or choose another port: PORT=3001 npm start`);
  }

  const children: ChildProcess[] = [];
  let embedded: EmbeddedDatabase | undefined;
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
    let url = process.env.DATABASE_URL;
    let appUrl = process.env.DATABASE_APP_URL;
    let systemUrl = process.env.DATABASE_SYSTEM_URL;
    if (!url) {
      const port = process.env.HELPT_EMBEDDED_DB_PORT ? Number(process.env.HELPT_EMBEDDED_DB_PORT) : undefined;
      embedded = await startEmbeddedDatabase(DATA_DIR, log, port);
      // The owner migrates and seeds; the web app and the worker log in as helpt_web, behind row-level security.
      ({ ownerUrl: url, appUrl, systemUrl } = embedded);
    }
    const env = { ...process.env, DATABASE_URL: url, DATABASE_APP_URL: appUrl, DATABASE_SYSTEM_URL: systemUrl, AUTH_SECRET: authSecret(), PORT: String(PORT), HELPT_DEMO: "1" as const };
    parseEnv(env);
    await checkDatabase(url);
    if (!existsSync(join(ROOT, "generated/prisma/client.ts"))) await runCli("prisma", ["generate"], env);
    log("Applying database migrations…");
    await migrate(url);
    if (embedded || process.env.HELPT_SEED_DEMO === "1") {
      const before = (await listTowns(url)).length;
      await seed(url);
      if (before === 0) log(`Demo data ready (${(await listTowns(url)).length} towns).`);
    }
    if (needsBuild()) {
      log("Building the app (first start or changed sources; this takes a minute or two)…");
      await runCli("next", ["build"], env);
      addCompileHints(join(ROOT, ".next"));
    }
    const server = startCli("next", ["start", "-p", String(PORT)], env, true);
    forwardServerOutput(server);
    const worker = startCli("worker", [], env);
    children.push(server, worker);
    server.on("exit", (code) => void stop(code ?? 1));
    worker.on("exit", (code) => void stop(code ?? 1));
    await waitForHealth(`http://localhost:${PORT}/api/health`);

    const towns = await listTowns(url);
    const apex = `http://localhost:${PORT}`;
    const rows: [string, string][] = [
      ["apex site", apex],
      ...towns.slice(0, SHOWN_TOWNS).map((t): [string, string] => [t.name, `http://${t.slug}.localhost:${PORT}`]),
      ...(towns.length > SHOWN_TOWNS ? [[`${towns.length - SHOWN_TOWNS} more towns`, `${apex} (directory)`] as [string, string]] : []),
      ["sign-up wizard", `${apex}/start`],
      ["platform admin", `${apex}/admin`],
      // Both only while e-mail stays in the development mailbox.
      ...(process.env.RESEND_API_KEY ? [] : [["dev mailbox", `${apex}/dev/mailbox`], ["e-mail previews", `${apex}/dev/emails`]] as [string, string][]),
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    log(`Helpt is running, ${towns.length} ${towns.length === 1 ? "town" : "towns"}:`);
    for (const [label, link] of rows) log(`  ${label.padEnd(width)}  ${link}`);
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
