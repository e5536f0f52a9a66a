// `npm run bench`: the matching query (rank candidates for a request) in a
// town with 100,000 volunteers against the same query in a town with 1,000,
// measured in one run on a real PostgreSQL (DATABASE_URL). Writes
// bench/matching.json and bench/matching.md.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { rankCandidates } from "../../lib/matching/candidates";
import { prisma } from "../../lib/db/client";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a PostgreSQL database to benchmark (its data is kept; bench towns are reused).");
  process.exit(2);
}

const TOWNS = [
  { slug: "bench-small", volunteers: 1_000 },
  { slug: "bench-large", volunteers: 100_000 },
];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);

/** Seeds a town with volunteers spread over ~10 km around Leuven, in a few set-based statements. */
async function seedTown(db: pg.Client, slug: string, volunteers: number): Promise<{ tenantId: string; requestId: string }> {
  const existing = await db.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
  const tenantId = existing.rows[0]?.id ?? `t-${slug}`;
  if (!existing.rows[0]) {
    const started = performance.now();
    await db.query("BEGIN");
    await db.query(`INSERT INTO "Tenant" (id, slug, name, phone, "updatedAt") VALUES ($1, $2, $2, '016 00 00 00', now())`, [tenantId, slug]);
    await db.query(
      `INSERT INTO "Category" ("tenantId", id, key, labels, position)
       SELECT $1, $1 || '-c' || n, 'cat' || n, jsonb_build_object('en', 'Category ' || n), n FROM generate_series(1, 8) n`, [tenantId]);
    await db.query(`SELECT setseed(0.42)`);
    await db.query(
      `INSERT INTO "User" (id, email, "updatedAt") SELECT $1 || '-u' || n, $1 || '-' || n || '@bench.example', now() FROM generate_series(1, $2) n`,
      [tenantId, volunteers]);
    await db.query(
      `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $1 || '-m' || n, $1 || '-u' || n, 'VOLUNTEER' FROM generate_series(1, $2) n`,
      [tenantId, volunteers]);
    await db.query(
      `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude, "maxDistanceKm",
                                       "categoryIds", languages, availability, skills, status, "codeOfConductAt", "updatedAt")
       SELECT $1, $1 || '-v' || n, $1 || '-m' || n, $1 || '-u' || n, 'Volunteer ' || n, '+3247' || lpad(n::text, 7, '0'), '3000',
              50.8798 + (random() - 0.5) * 0.18, 4.7005 + (random() - 0.5) * 0.28, 1 + (random() * 9)::int,
              ARRAY[$1 || '-c' || (1 + (n % 8)), $1 || '-c' || (1 + ((n * 7) % 8))], ARRAY['nl', 'en'], ARRAY['TUE_MORNING'], ARRAY[]::text[],
              CASE WHEN n % 20 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END::"VolunteerStatus", now(), now()
         FROM generate_series(1, $2) n`, [tenantId, volunteers]);
    // A past request with many assignments, so the fairness part has data to count.
    await db.query(
      `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, "timeWindow", "updatedAt", "closedAt")
       VALUES ($1, $1 || '-past', 'PAST', $1 || '-c1', 'DONE', 'last week', now(), now())`, [tenantId]);
    await db.query(
      `INSERT INTO "Assignment" ("tenantId", id, "requestId", "volunteerId")
       SELECT $1, $1 || '-a' || n, $1 || '-past', $1 || '-v' || n FROM generate_series(1, $2, 10) n`, [tenantId, volunteers]);
    await db.query("COMMIT");
    console.log(`[bench] seeded ${slug}: ${volunteers} volunteers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const requestId = `${tenantId}-req`;
  await db.query(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, "timeWindow", postcode, latitude, longitude, "publishedAt", "updatedAt")
     VALUES ($1, $2, 'BENCH', $1 || '-c1', 'OPEN', 'Tuesday morning', '3000', 50.8798, 4.7005, now(), now())
     ON CONFLICT DO NOTHING`, [tenantId, requestId]);
  await db.query(`ANALYZE "VolunteerProfile"; ANALYZE "Assignment"`);
  return { tenantId, requestId };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(tenantId: string, requestId: string) {
  for (let i = 0; i < 5; i++) await rankCandidates({ id: tenantId }, requestId); // warm up
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    const result = await rankCandidates({ id: tenantId }, requestId);
    times.push(performance.now() - t0);
    count = result.length;
    if (count === 0) throw new Error("the matching query returned no candidates: the benchmark would measure nothing");
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { iterations: ITERATIONS, candidates: count, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)) };
}

const db = new pg.Client({ connectionString: url });
await db.connect();
// Writes rows of many towns: row-level security lets this session through.
await db.query("SET helpt.system = 'on'");
const results: Record<string, unknown> = {};
const rows: string[] = [];
for (const town of TOWNS) {
  const { tenantId, requestId } = await seedTown(db, town.slug, town.volunteers);
  const r = await measure(tenantId, requestId);
  results[town.slug] = { volunteers: town.volunteers, ...r };
  rows.push(`| ${town.volunteers.toLocaleString("en")} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.candidates} |`);
}
await db.end();
await prisma.$disconnect();

const small = results["bench-small"] as { p50: number; p95: number };
const large = results["bench-large"] as { p50: number; p95: number };
const ratio = { p50: Math.round((large.p50 / small.p50) * 100) / 100, p95: Math.round((large.p95 / small.p95) * 100) / 100 };
const report = { measuredAt: new Date().toISOString(), node: process.version, towns: results, ratio };
writeFileSync("bench/matching.json", `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  "bench/matching.md",
  `# Matching query: 100,000 vs 1,000 volunteers

Ranking the candidates for one request (\`rankCandidates\`, SQL prefilter + score), ${ITERATIONS} runs per town after 5 warm-up runs, on ${process.version}, ${report.measuredAt}.

| volunteers in the town | p50 (ms) | p95 (ms) | p99 (ms) | candidates returned |
| ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

**Ratio (100,000 / 1,000): p50 ${ratio.p50}×, p95 ${ratio.p95}×.** Both towns measured in the same run on the same database.
`,
);
console.log(`[bench] matching p50 ratio ${ratio.p50}×, p95 ratio ${ratio.p95}× (see bench/matching.md)`);
