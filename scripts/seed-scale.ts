// `npm run seed:scale -- --towns 200 --volunteers 1000000 [--seed 42]`:
// realistic data across many towns for benchmarks. Town sizes are skewed
// (one town gets 10% of all volunteers, a few large cities, a long tail of
// small towns), with requests, responses, assignments and audit rows. Rows
// are generated inside PostgreSQL (set-based INSERT … SELECT), so a million
// volunteers take well under a minute; `setseed` makes it reproducible.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";

const { values } = parseArgs({
  options: {
    towns: { type: "string", default: "200" },
    volunteers: { type: "string", default: "1000000" },
    seed: { type: "string", default: "42" },
    prefix: { type: "string", default: "scale" },
  },
});
const towns = Number(values.towns);
const volunteers = Number(values.volunteers);
const seed = Number(values.seed);
if (!process.env.DATABASE_URL || !(towns > 0) || !(volunteers >= towns) || !Number.isInteger(seed)) {
  console.error("Usage: DATABASE_URL=… npm run seed:scale -- --towns 200 --volunteers 1000000 [--seed 42]");
  process.exit(2);
}

/** Volunteers per town: 10% for the largest, then a Zipf-like tail (rank^-1.1), at least 20 each. */
function sizes(): number[] {
  const rest = volunteers * 0.9;
  const weights = Array.from({ length: towns - 1 }, (_, i) => 1 / (i + 2) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  return [Math.round(volunteers * 0.1), ...weights.map((w) => Math.max(20, Math.round((rest * w) / total)))];
}

const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
await db.connect();
// Writes rows of many towns: row-level security lets the owner through (a member of helpt_system).
const started = performance.now();
// PostgreSQL's random() is seeded with a value in [-1, 1].
await db.query("SELECT setseed($1)", [(seed % 1000) / 1000]);
const perTown = sizes();
let made = 0;
for (const [i, count] of perTown.entries()) {
  const t = `${values.prefix}-${i + 1}`;
  const exists = await db.query(`SELECT 1 FROM "Tenant" WHERE id = $1`, [t]);
  if (exists.rowCount) continue;
  const lat = 50.5 + (i % 20) * 0.05;
  const lng = 3.5 + Math.floor(i / 20) * 0.1;
  await db.query("BEGIN");
  // The offer cap sits above the ~28 offers per request seeded below (towns may set up to 50), so open requests still take offers.
  await db.query(`INSERT INTO "Tenant" (id, slug, name, phone, population, "responseCap", "updatedAt") VALUES ($1, $1, $2, '016 00 00 00', $3, 50, now())`, [t, `Scale town ${i + 1}`, count * 20]);
  await db.query(
    `INSERT INTO "Category" ("tenantId", id, key, labels, position)
     SELECT $1, $1 || '-c' || n, 'cat' || n, jsonb_build_object('nl', 'Categorie ' || n, 'en', 'Category ' || n), n FROM generate_series(1, 8) n`, [t]);
  await db.query(`INSERT INTO "Area" ("tenantId", id, name, postcode, latitude, longitude) VALUES ($1, $1 || '-a1', 'Centrum', '1000', $2, $3)`, [t, lat, lng]);
  await db.query(`INSERT INTO "User" (id, email, "updatedAt") SELECT $1 || '-u' || n, $1 || '-' || n || '@scale.example', now() FROM generate_series(1, $2) n`, [t, count]);
  await db.query(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $1 || '-m' || n, $1 || '-u' || n, 'VOLUNTEER' FROM generate_series(1, $2) n`, [t, count]);
  await db.query(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude, "maxDistanceKm",
                                     "categoryIds", languages, availability, skills, status, "codeOfConductAt", "updatedAt")
     SELECT $1, $1 || '-v' || n, $1 || '-m' || n, $1 || '-u' || n, 'Volunteer ' || n, '+3247' || lpad(n::text, 7, '0'), '1000',
            $3 + (random() - 0.5) * 0.2, $4 + (random() - 0.5) * 0.3, 1 + (random() * 9)::int,
            ARRAY[$1 || '-c' || (1 + (random() * 7)::int), $1 || '-c' || (1 + (random() * 7)::int)], ARRAY['nl'], ARRAY['TUE_MORNING'], ARRAY[]::text[],
            (CASE WHEN random() < 0.05 THEN 'PAUSED' ELSE 'ACTIVE' END)::"VolunteerStatus", now(), now()
       FROM generate_series(1, $2) n`, [t, count, lat, lng]);
  // Requests: about one per 12 volunteers (Leuven: 1,490 volunteers, 120 requests), half of them done.
  const requests = Math.max(2, Math.round(count / 12));
  await db.query(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, description, "publicSummary", neighbourhood, postcode, "timeWindow",
                                "residentName", latitude, longitude, "publishedAt", "createdAt", "updatedAt")
     SELECT $1, $1 || '-r' || n, 'R' || n, $1 || '-c' || (1 + n % 8),
            (CASE WHEN n % 2 = 0 THEN 'DONE' WHEN n % 7 = 0 THEN 'MATCHED' ELSE 'OPEN' END)::"RequestStatus",
            'Needs help', 'Help for a resident', 'Centrum', '1000', 'Tuesday morning', 'Resident ' || n,
            $3 + (random() - 0.5) * 0.2, $4 + (random() - 0.5) * 0.3, now() - (random() * interval '30 days'), now() - interval '31 days', now()
       FROM generate_series(1, $2) n`, [t, requests, lat, lng]);
  // About 28 offers per request, as in Leuven, from random volunteers (duplicates skipped).
  await db.query(
    `INSERT INTO "Response" ("tenantId", id, "requestId", "volunteerId", status, "updatedAt")
     SELECT $1, $1 || '-x' || n, $1 || '-r' || (1 + (random() * ($2 - 1))::int), $1 || '-v' || (1 + (random() * ($3 - 1))::int), 'PENDING', now()
       FROM generate_series(1, $2 * 28) n ON CONFLICT DO NOTHING`, [t, requests, count]);
  await db.query(
    `INSERT INTO "Assignment" ("tenantId", id, "requestId", "volunteerId")
     SELECT $1, $1 || '-as' || n, $1 || '-r' || n, $1 || '-v' || (1 + (random() * ($3 - 1))::int) FROM generate_series(2, $2, 2) n`, [t, requests, count]);
  await db.query(
    `INSERT INTO "AuditLog" ("tenantId", id, action, "subjectType", "subjectId")
     SELECT $1, $1 || '-l' || n, 'request.view', 'HelpRequest', $1 || '-r' || (1 + n % $2) FROM generate_series(1, $2 * 3) n`, [t, requests]);
  await db.query("COMMIT");
  made++;
}
await db.query(`ANALYZE`);
const tables = ["Tenant", "VolunteerProfile", "HelpRequest", "Response", "Assignment", "AuditLog"];
const { rows } = await db.query<{ table: string; rows: string }>(
  tables.map((t) => `SELECT '${t}' AS table, count(*)::text AS rows FROM "${t}"`).join(" UNION ALL "));
const size = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
await db.end();
console.log(`[seed:scale] ${made} new towns (largest ${perTown[0].toLocaleString("en")} volunteers, smallest ${perTown.at(-1)!.toLocaleString("en")}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const r of rows) console.log(`[seed:scale]   ${r.table.padEnd(17)} ${Number(r.rows).toLocaleString("en")} rows`);
console.log(`[seed:scale]   database size     ${size.rows[0].size}`);
