// `npm run bench [-- --only 1,6]`: the performance suite (bench/README.md).
// Needs DATABASE_URL (a real PostgreSQL, owner/superuser connection); seeds
// the scale towns once, builds the app when stale, starts it, measures every
// scenario against its baseline and writes bench/results.{json,md}.
import { cpus, loadavg, release, totalmem } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { prisma } from "../../lib/db/client";
import { checkDatabase, migrate } from "../lib/database";
import { ensureScaleData, pickTowns, removeAccounts } from "./fixtures";
import { write, type Report } from "./report";
import { ALERT_SCENARIOS } from "./alerts";
import { IMPORT_SCENARIOS } from "./import";
import { LIST_SCENARIOS } from "./lists";
import { SCALE_PAGE_SCENARIOS } from "./scale-pages";
import { SCENARIOS, type Context, type Result } from "./scenarios";
import { buildIfStale, startServer, type Server } from "./server";
import { wall } from "./wall";

const log = (m: string) => console.log(`[bench] ${m}`);
Object.assign(SCENARIOS, SCALE_PAGE_SCENARIOS); // issue 16: staff pages, public list, directory, matching SQL, erase
Object.assign(SCENARIOS, ALERT_SCENARIOS); // issue 18: alert wave selection, publish to first alert
Object.assign(SCENARIOS, IMPORT_SCENARIOS); // issue 19: importing 10,000 volunteers (a figure)
Object.assign(SCENARIOS, LIST_SCENARIOS); // issue 19: the staff queue's first and deep pages, volunteer search
const { values } = parseArgs({ options: { only: { type: "string" } } });
const only = values.only?.split(",").map((s) => s.trim());
if (only?.some((id) => !(id in SCENARIOS))) {
  console.error(`Unknown scenario in --only ${values.only}; scenarios are ${Object.keys(SCENARIOS).join(", ")}.`);
  process.exit(2);
}

const ownerUrl = process.env.DATABASE_URL;
if (!ownerUrl || !/^postgres(ql)?:\/\//.test(ownerUrl)) {
  console.error(
    "npm run bench needs a real PostgreSQL: set DATABASE_URL to a database it may fill (about 2 GB of scale data, kept for later runs),\n" +
      "connected as its owner, e.g. DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/helpt_bench npm run bench",
  );
  process.exit(2);
}

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const settings = {
  seconds: num("BENCH_SECONDS", 12), warmup: num("BENCH_WARMUP", 3), rounds: num("BENCH_ROUNDS", 6), connections: num("BENCH_CONNECTIONS", 10),
  burst: num("BENCH_BURST", 300), burstConnections: num("BENCH_BURST_CONNECTIONS", 25), matchingRuns: num("BENCH_MATCHING_RUNS", 40),
};

const loadAtStart = loadavg()[0];
await checkDatabase(ownerUrl);
log("applying migrations…");
await migrate(ownerUrl);
const db = new pg.Client({ connectionString: ownerUrl });
await db.connect();
// Test setup across towns: row-level security lets the owner through (a member of helpt_system).
const servers: Server[] = [];
const stopAll = () => Promise.all(servers.map((s) => s.stop()));
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  const seeded = await ensureScaleData(db, ownerUrl, log);
  const leftovers = await removeAccounts(db); // of an interrupted run
  const towns = await pickTowns(db);
  const secondWall = await wall(db, ownerUrl);
  const on = "missing" in secondWall ? {} : secondWall.on;
  const off = "missing" in secondWall ? null : secondWall.off;
  const wallMissing = "missing" in secondWall ? secondWall.missing : secondWall.offMissing;
  // The bench process's own app queries (scenario 4) run like the web app's: same login, same wall.
  Object.assign(process.env, on);

  await buildIfStale(log);
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const primary = await startServer(ownerUrl, on, port);
  servers.push(primary);
  const wantsWall = !only || only.includes("5");
  const wallOff = off && wantsWall ? await startServer(ownerUrl, off, port && port + 1) : null;
  if (wallOff) servers.push(wallOff);
  log(`app on port ${primary.port}${wallOff ? `, wall-off copy on port ${wallOff.port}` : ""}`);

  const ctx: Context = {
    db, ownerUrl, primary, wallOff, wallMissing,
    towns, settings, log,
  };
  const results: Result[] = [];
  for (const id of Object.keys(SCENARIOS).filter((k) => !only || only.includes(k))) {
    for (const r of await SCENARIOS[id](ctx)) {
      results.push(r);
      const verdict = r.target ? `${r.target.met ? "met" : "MISSED"}: ${r.target.detail}` : `ratio p50 ${r.ratio.p50}×`;
      log(`   ${r.subject.figures.throughput}/s p50 ${r.subject.figures.p50} ms vs ${r.baseline.figures.throughput}/s p50 ${r.baseline.figures.p50} ms: ${verdict}`);
    }
  }

  const version = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const report: Report = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`, memory: `${Math.round(totalmem() / 2 ** 30)} GB`, kernel: release(),
      node: process.version, postgresql: version.rows[0].v,
      "load average (1 min) at start / end": `${loadAtStart.toFixed(1)} / ${loadavg()[0].toFixed(1)} (other work on the machine moves absolute figures)`,
    },
    settings,
    data: {
      towns: towns.towns, volunteers: towns.volunteers.toLocaleString("en"),
      "large town": `${towns.big.slug} (${towns.big.volunteers.toLocaleString("en")} volunteers)`,
      "small town": `${towns.small.slug} (${towns.small.volunteers.toLocaleString("en")} volunteers)`,
      "largest / smallest town": `${towns.largest.slug} (${towns.largest.volunteers.toLocaleString("en")}) / ${towns.smallest.slug} (${towns.smallest.volunteers.toLocaleString("en")})`,
    },
    secondWall: "missing" in secondWall ? `absent: ${secondWall.missing}` : `on (app login ${new URL(secondWall.on.DATABASE_APP_URL).username}) for every scenario but 5's baseline${wallMissing ? `; ${wallMissing}` : ""}`,
    scenarios: results,
  };
  // The clean-up of this run's accounts, timed before the report is written (the servers stop first: nothing else writes).
  await stopAll();
  const cleanup = await removeAccounts(db);
  report.data["seeding the scale data (s)"] = seeded ?? "already there";
  report.data["clean-up of the bench's accounts (s): before the run / after it"] = `${leftovers} / ${cleanup}`;
  log(`clean-up took ${cleanup} s; wrote ${write(report, !!only)}`);
} finally {
  await stopAll();
  await removeAccounts(db);
  await db.end();
  await prisma.$disconnect();
}
