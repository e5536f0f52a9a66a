// Issue 19's scenarios: the staff request queue's first page and a deep page
// (the cursor after 50,000 rows) in a town of 100,000 requests against a town
// of 1,000, and a volunteer search in the 100,000-volunteer town against the
// 1,000 one (targets: ≤ 1.5×, the sides in turns in the same run).
import type pg from "pg";
import { encodeCursor } from "../../lib/lists/cursor";
import { benchCoordinator, SESSION_COOKIE, type Town } from "./fixtures";
import { page, type Target } from "./load";
import { latencyAtMost, pair, townHost, type Context, type Result } from "./scenarios";

const RATIO = 1.5;
const QUEUE_TOWNS = [{ id: "queue-100k", requests: 100_000 }, { id: "queue-1k", requests: 1_000 }] as const;
const DEEP = 50_000;
/** A surname given to this many volunteers in each compared town: what a coordinator looks up. */
const SURNAME = "Vandenbroucke";
const NAMESAKES = 20;
const ACTIVE = `status IN ('NEW', 'OPEN', 'MATCHED')`;

/**
 * The two queue towns (their own, so the other scenarios' towns keep their
 * data), each filled up to its number of requests in one INSERT … SELECT
 * generate_series: idempotent, and only the missing rows are written. Returns
 * the towns and the seconds the filling took (0 when they were there).
 */
async function ensureQueueTowns(db: pg.Client, log: (m: string) => void): Promise<{ towns: Town[]; seconds: number }> {
  const started = performance.now();
  let wrote = 0;
  for (const { id, requests } of QUEUE_TOWNS) {
    await db.query(
      `INSERT INTO "Tenant" (id, slug, name, phone, population, "responseCap", "updatedAt") VALUES ($1, $1, $2, '016 00 00 00', $3, 50, now()) ON CONFLICT DO NOTHING`,
      [id, `Queue town ${requests.toLocaleString("en")}`, requests * 20]);
    await db.query(
      `INSERT INTO "Category" ("tenantId", id, key, labels, position)
       SELECT $1, $1 || '-c' || n, 'cat' || n, jsonb_build_object('nl', 'Categorie ' || n, 'en', 'Category ' || n), n FROM generate_series(1, 8) n
       ON CONFLICT DO NOTHING`, [id]);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "HelpRequest" WHERE "tenantId" = $1`, [id]);
    if (rows[0].n >= requests) continue;
    log(`filling ${id} with ${(requests - rows[0].n).toLocaleString("en")} requests…`);
    // Nine in ten active (new, open, matched), urgencies and 12 neighbourhoods mixed, a minute apart; no coordinates (matching scenarios skip them).
    await db.query(
      `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, urgency, description, "publicSummary", neighbourhood, postcode,
                                  "residentName", "publishedAt", "createdAt", "updatedAt")
       SELECT $1, $1 || '-q' || n, 'Q' || lpad(n::text, 6, '0'), $1 || '-c' || (1 + n % 8),
              (CASE WHEN n % 10 = 0 THEN 'DONE' ELSE (ARRAY['NEW', 'OPEN', 'MATCHED'])[1 + n % 3] END)::"RequestStatus",
              (ARRAY['LOW', 'NORMAL', 'NORMAL', 'HIGH'])[1 + n % 4]::"Urgency",
              'Needs help', 'Help with groceries ' || n % 97, 'Wijk ' || n % 12, (1000 + n % 20)::text, 'Resident ' || n,
              now() - n * interval '1 minute', now() - n * interval '1 minute', now()
         FROM generate_series($2::int + 1, $3::int) n
       ON CONFLICT DO NOTHING`, [id, rows[0].n, requests]);
    wrote++;
  }
  if (wrote) await db.query(`ANALYZE "HelpRequest"`);
  const { rows } = await db.query<Town>(`SELECT id, slug, 0 AS volunteers, 50.5 AS latitude, 3.5 AS longitude FROM "Tenant" WHERE id = ANY($1) ORDER BY population DESC`, [QUEUE_TOWNS.map((t) => t.id)]);
  return { towns: rows, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/** NAMESAKES volunteers called SURNAME in `town` (ids outside the seeded '-v' range, so the towns' counts stay as seeded). */
async function ensureNamesakes(db: pg.Client, town: Town) {
  await db.query(`INSERT INTO "User" (id, email, "updatedAt") SELECT $1 || '-bs' || n, $1 || '-bs' || n || '@bench.example', now() FROM generate_series(1, $2) n ON CONFLICT DO NOTHING`, [town.id, NAMESAKES]);
  await db.query(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $1 || '-bs' || n, $1 || '-bs' || n, 'VOLUNTEER' FROM generate_series(1, $2) n ON CONFLICT DO NOTHING`, [town.id, NAMESAKES]);
  await db.query(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT $1, $1 || '-bs' || n, $1 || '-bs' || n, $1 || '-bs' || n, $3 || ' ' || n, '+3249' || lpad(n::text, 7, '0'), '1000', ARRAY[]::text[], ARRAY['nl'], ARRAY[]::text[], ARRAY[]::text[], now(), now()
       FROM generate_series(1, $2) n ON CONFLICT DO NOTHING`, [town.id, NAMESAKES, SURNAME]);
}

/** The cursor after the `n`th row of the queue's default order (most urgent, newest) and filter (active). */
async function cursorAfter(db: pg.Client, town: Town, n: number): Promise<string> {
  const { rows } = await db.query<{ urgency: string; created: string; id: string }>(
    `SELECT urgency::text, to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created, id FROM "HelpRequest"
      WHERE "tenantId" = $1 AND ${ACTIVE} ORDER BY urgency DESC, "createdAt" DESC, id DESC OFFSET $2 LIMIT 1`, [town.id, n - 1]);
  if (!rows[0]) throw new Error(`${town.slug} has fewer than ${n} active requests.`);
  return encodeCursor([rows[0].urgency, new Date(rows[0].created), rows[0].id]);
}

/** `path` of `big` against the same of `small`, as a coordinator of each. */
async function staffPair(ctx: Context, id: string, title: string, [big, bigLabel]: [Town, string], [small, smallLabel]: [Town, string], path: (t: Town) => Promise<string>, markers: string[]): Promise<Result> {
  const s = ctx.primary;
  const target = async (t: Town): Promise<Target> => ({
    port: s.port, host: townHost(t, s), path: await path(t), headers: { cookie: `${SESSION_COOKIE}=${await benchCoordinator(ctx.db, t)}` },
    check: page(`data-tenant="${t.slug}"`, ...markers),
  });
  const result = await pair(ctx, id, title, [bigLabel, await target(big)], [smallLabel, await target(small)],
    (r, f) => latencyAtMost(r, RATIO, `the larger town within ${RATIO}× the smaller's latency (p50 and p95)`, f, ["p50", "p95"]));
  return { ...result, notes: [`GET ${await path(big)} / ${await path(small)}, signed in as a coordinator of each town.`] };
}

async function queueTowns(ctx: Context) {
  const { towns, seconds } = await ensureQueueTowns(ctx.db, ctx.log);
  if (seconds >= 1) ctx.log(`queue towns ready in ${seconds} s`);
  const [big, small] = towns;
  return { big: [big, "queue-100k (100,000 requests)"] as [Town, string], small: [small, "queue-1k (1,000 requests)"] as [Town, string], seconds };
}

export const LIST_SCENARIOS: Record<string, (ctx: Context) => Promise<Result[]>> = {
  async "queue-first"(ctx) {
    const { big, small, seconds } = await queueTowns(ctx);
    const r = await staffPair(ctx, "queue-first", "Staff request queue, first page (most urgent, newest; counted to 10,000): 100,000 requests vs 1,000",
      big, small, async () => "/staff/requests", ['data-testid="queue"', 'rel="next"']);
    return [{ ...r, notes: [...r.notes, `Queue towns filled by one INSERT … SELECT generate_series each: ${seconds} s in this run (0 when already there).`] }];
  },

  async "queue-deep"(ctx) {
    const { big, small } = await queueTowns(ctx);
    const cursors = new Map([[big[0].id, await cursorAfter(ctx.db, big[0], DEEP)], [small[0].id, await cursorAfter(ctx.db, small[0], 500)]]);
    return [await staffPair(ctx, "queue-deep", "Staff request queue, a deep page (the cursor after row 50,000; after row 500 in the small town): 100,000 requests vs 1,000",
      big, small, async (t) => `/staff/requests?after=${cursors.get(t.id)}`, ['data-testid="queue"', 'rel="prev"'])];
  },

  async "volunteer-search"(ctx) {
    const { big, small } = ctx.towns;
    for (const t of [big, small]) await ensureNamesakes(ctx.db, t);
    const fmt = (t: Town) => `${t.slug} (${t.volunteers.toLocaleString("en")} volunteers)`;
    return [await staffPair(ctx, "volunteer-search", `Staff volunteer search ("${SURNAME.slice(0, 8).toLowerCase()}", ${NAMESAKES} namesakes in each town): 100,000 volunteers vs 1,000`,
      [big, fmt(big)], [small, fmt(small)], async () => `/staff/volunteers?q=${SURNAME.slice(0, 8).toLowerCase()}`, ['data-testid="volunteers"', `${SURNAME} 1`])];
  },
};
