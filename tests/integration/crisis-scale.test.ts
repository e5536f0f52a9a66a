import fc from "fast-check";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { FIRST_REACH, nearestFittingSql, rankCandidates } from "@/lib/matching/candidates";
import { distanceKm } from "@/lib/matching/distance";
import { scoreCandidate, USEFUL_SKILLS } from "@/lib/matching/score";
import { whenFromColumns, whenSlots } from "@/lib/when/when";
import { coordinatorDashboard, dayBefore } from "@/lib/stats/dashboard";
import { getTownCounters, TOWN_COUNTERS_TTL_MS } from "@/lib/stats/town-counters";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { listVolunteers } from "@/lib/volunteers/admin";
import { createTown } from "./helpers/factories";

// Issue 16: the staff pages and matching read indexes instead of the whole
// town. These tests hold the results to what the straightforward queries
// (those used before) give on generated data.

const CENTRE = { latitude: 50.88, longitude: 4.7 };

type Town = Awaited<ReturnType<typeof createTown>>;

/** Statistics and the visibility map, as autovacuum keeps them: the owner's work (VACUUM runs outside a transaction). */
async function vacuum() {
  const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  try {
    await owner.query('VACUUM ANALYZE "VolunteerProfile"');
  } finally {
    await owner.end();
  }
}

/** `count` volunteers around the centre (set-based, like the scale seed), a share of them offering category 0. */
async function volunteers(t: Town, count: number, opts: { share: number; spread: number; seed: number }) {
  const [own, other] = t.categories.map((c) => c.id);
  // setseed holds for its connection only: both statements in one transaction, so a fast-check seed gives the same town again.
  await systemDb.$transaction([systemDb.$executeRaw`SELECT setseed(${opts.seed})`, systemDb.$executeRaw`
    WITH n AS (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(1, ${count}) g),
    u AS (INSERT INTO "User" (id, email, "updatedAt") SELECT ${t.tenant.id} || '-u' || g, ${t.tenant.id} || '-' || g || '@scale.example', now() FROM n RETURNING id),
    m AS (INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT ${t.tenant.id}, ${t.tenant.id} || '-m' || g, ${t.tenant.id} || '-u' || g, 'VOLUNTEER' FROM n JOIN u ON u.id = ${t.tenant.id} || '-u' || g RETURNING id)
    INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude, "maxDistanceKm",
                                    "categoryIds", languages, availability, skills, status, "codeOfConductAt", "updatedAt")
    SELECT ${t.tenant.id}, ${t.tenant.id} || '-v' || g, m.id, ${t.tenant.id} || '-u' || g, 'Volunteer ' || g, '+32470000000', (CASE WHEN r5 < 0.5 THEN '3000' ELSE '3001' END),
           (CASE WHEN r4 < 0.03 THEN NULL ELSE ${CENTRE.latitude} + (r1 - 0.5) * ${opts.spread} END),
           (CASE WHEN r4 < 0.03 THEN NULL ELSE ${CENTRE.longitude} + (r2 - 0.5) * ${opts.spread} * 1.5 END),
           1 + (r3 * 9)::int,
           (CASE WHEN r3 < ${opts.share} THEN ARRAY[${own}, ${other}] ELSE ARRAY[${other}] END),
           (CASE WHEN r5 < 0.7 THEN ARRAY['nl'] ELSE ARRAY['fr'] END), (CASE WHEN r1 < 0.5 THEN ARRAY['TUE_MORNING'] ELSE ARRAY[]::text[] END),
           (CASE WHEN r2 < 0.2 THEN ARRAY['car'] ELSE ARRAY[]::text[] END),
           (CASE WHEN r4 BETWEEN 0.03 AND 0.08 THEN 'PAUSED' WHEN r4 BETWEEN 0.08 AND 0.1 THEN 'BLOCKED' ELSE 'ACTIVE' END)::"VolunteerStatus", now(), now()
      FROM n JOIN m ON m.id = ${t.tenant.id} || '-m' || g`], { timeout: 120_000 });
}

async function request(t: Town, at: { latitude: number | null; longitude: number | null }) {
  const id = `${t.tenant.id}-r${Math.random().toString(36).slice(2, 8)}`;
  await systemDb.helpRequest.create({
    data: { tenantId: t.tenant.id, id, reference: id.slice(-10), categoryId: t.categories[0].id, status: "OPEN", postcode: "3000", timeWindow: "Tuesday morning", ...at },
  });
  return id;
}

/** Offers from `count` random active volunteers, some older than the dashboard's 30 days, some assigned. */
async function offers(t: Town, requestId: string, count: number, seed = 0) {
  await systemDb.$transaction([systemDb.$executeRaw`SELECT setseed(${seed})`, systemDb.$executeRaw`
    INSERT INTO "Response" ("tenantId", id, "requestId", "volunteerId", status, "createdAt", "updatedAt")
    SELECT "tenantId", id || '-x' || ${requestId}, ${requestId}, id, (CASE WHEN random() < 0.2 THEN 'WITHDRAWN' ELSE 'PENDING' END)::"ResponseStatus",
           now() - random() * interval '60 days', now()
      FROM "VolunteerProfile" WHERE "tenantId" = ${t.tenant.id} ORDER BY random() LIMIT ${count}`, systemDb.$executeRaw`
    INSERT INTO "Assignment" ("tenantId", id, "requestId", "volunteerId", "createdAt")
    SELECT "tenantId", id || '-a', "requestId", "volunteerId", "createdAt" FROM "Response" WHERE "requestId" = ${requestId} AND random() < 0.3`], { timeout: 120_000 });
}

/** The ranking as it was computed before issue 16: every fitting volunteer in the 50 km box sorted by distance, the nearest 400 scored. */
async function previousRanking(tenantId: string, requestId: string, limit: number) {
  const request = await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId, id: requestId }, include: { category: true } });
  const { latitude: lat, longitude: lng } = request;
  type Row = { id: string; name: string; postcode: string; latitude: number | null; longitude: number | null; maxDistanceKm: number; categoryIds: string[]; languages: string[]; availability: string[]; skills: string[]; recent: number; responseStatus: string | null; responseMessage: string | null };
  const rows = await systemDb.$queryRawUnsafe<Row[]>(`
    WITH responders AS (
      SELECT v.*, r.status::text AS "responseStatus", r.message AS "responseMessage"
        FROM "Response" r JOIN "VolunteerProfile" v ON v."tenantId" = r."tenantId" AND v.id = r."volunteerId"
       WHERE r."tenantId" = $1 AND r."requestId" = $2 AND v.status = 'ACTIVE'
    ), fitting AS (
      SELECT v.*, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM "VolunteerProfile" v
       WHERE v."tenantId" = $1 AND v.status = 'ACTIVE' AND v."categoryIds" @> ARRAY[$3]::text[]
         AND ${lat == null || lng == null ? "TRUE" : `v.latitude BETWEEN ${lat - 50 / 111} AND ${lat + 50 / 111} AND v.longitude BETWEEN ${lng - 50 / 70} AND ${lng + 50 / 70}`}
         AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = v."tenantId" AND r."requestId" = $2 AND r."volunteerId" = v.id)
       ORDER BY ${lat == null || lng == null ? `(v.postcode <> '${request.postcode}')::int, v."lastAssignedAt" NULLS FIRST` : `(v.latitude - ${lat}) ^ 2 + ((v.longitude - ${lng}) * 0.64) ^ 2`}, v.id
       LIMIT 400
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*, (SELECT count(*) FROM "Assignment" a WHERE a."tenantId" = near."tenantId" AND a."volunteerId" = near.id AND a."createdAt" > now() - interval '30 days')::int AS recent
      FROM near`, tenantId, requestId, request.categoryId);
  const slots = whenSlots(whenFromColumns(request));
  const useful = USEFUL_SKILLS[request.category.key] ?? [];
  return rows
    .map((v) => {
      const km = distanceKm(v, request);
      const score = scoreCandidate({
        distanceKm: km, samePostcode: v.postcode === request.postcode, maxDistanceKm: v.maxDistanceKm,
        offersCategory: v.categoryIds.includes(request.categoryId), hasUsefulSkill: v.skills.some((s) => useful.includes(s)),
        speaksLanguage: v.languages.includes(request.locale), requestSlots: slots, availability: v.availability, recentAssignments: v.recent,
      });
      return { id: v.id, distanceKm: km, responseStatus: v.responseStatus, total: score.total };
    })
    .filter((c) => c.responseStatus !== null || c.distanceKm == null || c.distanceKm <= 50)
    .sort((a, b) => Number(b.responseStatus === "PENDING") - Number(a.responseStatus === "PENDING") || b.total - a.total)
    .slice(0, limit);
}

// Equal scores may come in either order (the responders' order was never defined): compare score by score, ids as a set within one score.
const normalised = (list: { id: string; responseStatus: string | null; total: number }[]) =>
  [...list].sort((a, b) => Number(b.responseStatus === "PENDING") - Number(a.responseStatus === "PENDING") || b.total - a.total || a.id.localeCompare(b.id))
    .map((c) => `${c.responseStatus ?? "-"} ${c.total} ${c.id}`);

describe("matching from the location index", () => {
  it("ranks exactly as the full scan did, however the town is shaped (generated towns)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          count: fc.integer({ min: 1, max: 2_600 }), // past the first round of 2,000: sparse categories make it widen
          share: fc.constantFrom(0.02, 0.1, 0.3, 0.9),
          spread: fc.constantFrom(0.02, 0.3, 2), // 2° is wider than the 50 km box
          seed: fc.double({ min: -1, max: 1, noNaN: true }),
          offers: fc.integer({ min: 0, max: 30 }),
          located: fc.boolean(),
        }),
        async (g) => {
          const t = await createTown();
          await volunteers(t, g.count, g);
          const requestId = await request(t, g.located ? { latitude: CENTRE.latitude + 0.01, longitude: CENTRE.longitude - 0.01 } : { latitude: null, longitude: null });
          await offers(t, requestId, g.offers, g.seed);
          const limit = 1_000; // every scored row, not only the first 25
          const now = (await rankCandidates({ id: t.tenant.id }, requestId, limit)).map((c) => ({ ...c, total: c.score.total }));
          const before = await previousRanking(t.tenant.id, requestId, limit);
          expect(normalised(now)).toEqual(normalised(before));
          expect(now.length).toBe(before.length);
        },
      ),
      // Always: a town where the first round (2,000 nearest) holds too few who offer the category; and a 2° town
      // with volunteers just beyond 50 km (fast-check's seed -22371048 found one at 50.04 km that the product kept:
      // it compared the distance rounded for display; see the test below).
      { numRuns: 12, examples: [[{ count: 2_600, share: 0.02, spread: 0.3, seed: 0.5, offers: 10, located: true }], [{ count: 600, share: 0.9, spread: 2, seed: -0.99, offers: 16, located: true }]] },
    );
  }, 300_000);

  it("keeps volunteers within 50 km by the exact distance, not the one rounded for display", async () => {
    const t = await createTown();
    const requestId = await request(t, CENTRE);
    // Due east of the request, at 49.96 and 50.04 km (both show as 50 km; both inside the SQL's box).
    const east = (km: number) => {
      let [lo, hi] = [0, 1];
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (distanceKm(CENTRE, { latitude: CENTRE.latitude, longitude: CENTRE.longitude + mid })! < km) lo = mid;
        else hi = mid;
      }
      return CENTRE.longitude + lo;
    };
    await volunteers(t, 2, { share: 1, spread: 0, seed: 0.7 });
    const [inside, outside] = (await systemDb.volunteerProfile.findMany({ where: { tenantId: t.tenant.id }, orderBy: { id: "asc" }, select: { id: true } })).map((v) => v.id);
    for (const [id, km] of [[inside, 49.96], [outside, 50.04]] as const) {
      await systemDb.volunteerProfile.updateMany({ where: { tenantId: t.tenant.id, id }, data: { latitude: CENTRE.latitude, longitude: east(km), status: "ACTIVE" } });
    }
    const ranked = await rankCandidates({ id: t.tenant.id }, requestId, 10);
    expect(ranked.map((c) => [c.id, c.distanceKm])).toEqual([[inside, 50]]);
  });

  // A town ten times the first round: the planner weighs reading FIRST_REACH from the index against sorting the town
  // (a town barely larger than the round is rightly sorted, so a small one proves nothing either way).
  it("reads the location index nearest first and stops at the 400th that fits (no sort of the town)", async () => {
    const t = await createTown();
    await volunteers(t, 10 * FIRST_REACH, { share: 0.3, spread: 0.3, seed: 0.42 });
    await vacuum();
    const requestId = await request(t, CENTRE);
    const q = nearestFittingSql(t.tenant.id, requestId, { ...CENTRE, postcode: "3000", categoryId: t.categories[0].id }, FIRST_REACH);
    const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, FORMAT TEXT) ${q.text}`, q.values);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Index Only Scan using "VolunteerProfile_location_knn_idx"/);
      expect(plan).toMatch(/Order By: \(\(point/);
      expect(plan).not.toMatch(/Sort Key: \(\(point/);
      expect(plan).not.toMatch(/Seq Scan on "VolunteerProfile"/);
      // About 400 / 0.3 entries read, not the round's 2,000 nor the town's 20,000.
      const read = Number(plan.match(/Index Only Scan using "VolunteerProfile_location_knn_idx".*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1]);
      expect(read).toBeGreaterThanOrEqual(400);
      expect(read).toBeLessThan(FIRST_REACH);
    } finally {
      await owner.end();
    }
  });

  // A category that needs a check (lib/checks): the same nearest-first read, each row read looked up in the checks' index.
  it("filters on the category's checks by the checks' index, row by row read, still without a sort of the town", async () => {
    const t = await createTown();
    await volunteers(t, 10 * FIRST_REACH, { share: 0.3, spread: 0.3, seed: 0.42 });
    await systemDb.$executeRaw`
      INSERT INTO "VolunteerCheck" ("tenantId", id, "volunteerId", kind, "validUntil")
      SELECT "tenantId", 'chk-' || id, id, 'RECORD_EXTRACT', now() + interval '1 year' FROM "VolunteerProfile" WHERE "tenantId" = ${t.tenant.id} AND hashtext(id) % 5 <> 0`; // four in five hold it
    await vacuum();
    const requestId = await request(t, CENTRE);
    const q = nearestFittingSql(t.tenant.id, requestId, { ...CENTRE, postcode: "3000", categoryId: t.categories[0].id, requiredChecks: ["RECORD_EXTRACT"] }, FIRST_REACH);
    const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, FORMAT TEXT) ${q.text}`, q.values);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Index Only Scan using "VolunteerProfile_location_knn_idx"/);
      expect(plan).toMatch(/Index (Only )?Scan using "VolunteerCheck_tenantId_volunteerId_kind_validUntil_idx"/);
      expect(plan).not.toMatch(/Seq Scan on "(VolunteerProfile|VolunteerCheck)"/);
      expect(plan).not.toMatch(/Sort Key: \(\(point/);
      // Checks looked up per volunteer read (a subplan), never all the town's checks at once.
      expect(plan).not.toMatch(/Hash.*\n.*VolunteerCheck|VolunteerCheck.*rows=\d{4,} loops=1\)/);
      const read = Number(plan.match(/Index Only Scan using "VolunteerProfile_location_knn_idx".*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1]);
      expect(read).toBeLessThan(FIRST_REACH);
    } finally {
      await owner.end();
    }
  }, 120_000);
});

describe("dashboard from the town's tallies", () => {
  /** The figures as the dashboard computed them before the tallies: straightforward counts over the town's rows. */
  async function recount(tenantId: string, since: Date) {
    const [volunteers] = await systemDb.$queryRaw<{ active: number; idle: number; paused: number }[]>`
      SELECT count(*) FILTER (WHERE v.status = 'ACTIVE' AND EXISTS (
               SELECT 1 FROM "Response" x WHERE x."tenantId" = v."tenantId" AND x."volunteerId" = v.id AND x."createdAt" >= ${since}))::int AS active,
             count(*) FILTER (WHERE v.status = 'ACTIVE' AND NOT EXISTS (
               SELECT 1 FROM "Response" x WHERE x."tenantId" = v."tenantId" AND x."volunteerId" = v.id AND x."createdAt" >= ${since}))::int AS idle,
             count(*) FILTER (WHERE v.status = 'PAUSED')::int AS paused
        FROM "VolunteerProfile" v WHERE v."tenantId" = ${tenantId}`;
    const byStatus = await systemDb.helpRequest.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
    const byCategory = await systemDb.helpRequest.groupBy({ by: ["categoryId"], where: { tenantId }, _count: { _all: true } });
    const unmatched = await systemDb.helpRequest.groupBy({ by: ["neighbourhood"], where: { tenantId, status: { in: ["NEW", "OPEN"] } }, _count: { _all: true } });
    const home = {
      requests: await systemDb.helpRequest.count({ where: { tenantId, status: { not: "CANCELLED" } } }),
      volunteers: await systemDb.volunteerProfile.count({ where: { tenantId, status: { not: "BLOCKED" } } }),
      responses: await systemDb.response.count({ where: { tenantId } }),
    };
    return {
      volunteers,
      home,
      byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])),
      byCategory: byCategory.map((c) => c._count._all).sort((x, y) => y - x),
      // The ten largest; neighbourhoods with equal counts in name order, as the dashboard shows them.
      unmatched: unmatched.map((u) => ({ neighbourhood: u.neighbourhood, count: u._count._all }))
        .sort((x, y) => y.count - x.count || x.neighbourhood.localeCompare(y.neighbourhood)).slice(0, 10),
    };
  }

  it("equals straightforward counts after any mix of requests, offers, withdrawals, deletions and status changes, by the web login or the system", async () => {
    const t = await createTown();
    await volunteers(t, 40, { share: 0.5, spread: 0.1, seed: 0.1 });
    const ids = (await systemDb.volunteerProfile.findMany({ where: { tenantId: t.tenant.id }, orderBy: { id: "asc" }, select: { id: true } })).map((v) => v.id);
    const requests = [await request(t, CENTRE), await request(t, CENTRE), await request(t, CENTRE)];
    const statuses = ["NEW", "OPEN", "MATCHED", "DONE", "CANCELLED"] as const;
    const places = ["Centrum", "Kessel-Lo", "Heverlee", ""];
    const step = fc.oneof(
      fc.record({ kind: fc.constant("offer" as const), volunteer: fc.nat(39), request: fc.nat(9), daysAgo: fc.double({ min: 0, max: 60, noNaN: true }) }),
      fc.record({ kind: fc.constant("withdraw" as const), volunteer: fc.nat(39) }),
      fc.record({ kind: fc.constant("delete" as const), volunteer: fc.nat(39), request: fc.nat(9) }),
      fc.record({ kind: fc.constant("status" as const), volunteer: fc.nat(39), status: fc.constantFrom("ACTIVE" as const, "PAUSED" as const, "BLOCKED" as const) }),
      fc.record({ kind: fc.constant("remove volunteer" as const), volunteer: fc.nat(39) }),
      fc.record({ kind: fc.constant("request" as const), status: fc.constantFrom(...statuses), category: fc.nat(1), place: fc.constantFrom(...places) }),
      fc.record({ kind: fc.constant("change request" as const), request: fc.nat(9), status: fc.constantFrom(...statuses), category: fc.nat(1), place: fc.constantFrom(...places) }),
      fc.record({ kind: fc.constant("remove request" as const), request: fc.nat(9) }),
    );
    let shift = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, fc.boolean()), { maxLength: 25 }), async (steps) => {
        for (const [s, asWeb] of steps) {
          // The web login writes under row-level security (the triggers run as it); the system login passes it.
          const db = asWeb ? forTenant(t.tenant.id) : systemDb;
          const where = { tenantId: t.tenant.id };
          const volunteerId = "volunteer" in s ? ids[s.volunteer] : "";
          const requestId = "request" in s && typeof s.request === "number" ? requests[s.request % requests.length] : "";
          if (s.kind === "offer") {
            // Both may have been removed by an earlier step (runs share the town).
            if (!(await systemDb.volunteerProfile.count({ where: { ...where, id: volunteerId } })) || !(await systemDb.helpRequest.count({ where: { ...where, id: requestId } }))) continue;
            await db.response.upsert({
              where: { tenantId_requestId_volunteerId: { tenantId: t.tenant.id, requestId, volunteerId } },
              create: { tenantId: t.tenant.id, requestId, volunteerId, createdAt: new Date(Date.now() - s.daysAgo * 86_400_000) },
              update: {},
            });
          } else if (s.kind === "withdraw") {
            await db.response.updateMany({ where: { ...where, volunteerId }, data: { status: "WITHDRAWN" } });
          } else if (s.kind === "delete") {
            await db.response.deleteMany({ where: { ...where, volunteerId, requestId } });
          } else if (s.kind === "status") {
            await db.volunteerProfile.updateMany({ where: { ...where, id: volunteerId }, data: { status: s.status } });
          } else if (s.kind === "remove volunteer") {
            await db.volunteerProfile.deleteMany({ where: { ...where, id: volunteerId } });
          } else if (s.kind === "request") {
            const id = `${t.tenant.id}-q${requests.length}`;
            await db.helpRequest.create({
              data: { tenantId: t.tenant.id, id, reference: id.slice(-10), categoryId: t.categories[s.category].id, status: s.status, neighbourhood: s.place, postcode: "3000", timeWindow: "" },
            });
            requests.push(id);
          } else if (s.kind === "change request") {
            await db.helpRequest.updateMany({ where: { ...where, id: requestId }, data: { status: s.status, categoryId: t.categories[s.category].id, neighbourhood: s.place } });
          } else {
            await db.helpRequest.deleteMany({ where: { ...where, id: requestId } });
          }
        }
        const now = new Date();
        const shown = await coordinatorDashboard({ id: t.tenant.id, defaultLocale: "nl" }, "nl", now);
        const counted = await recount(t.tenant.id, new Date(`${dayBefore(now, 30)}T00:00:00Z`));
        expect(shown.volunteers).toEqual(counted.volunteers);
        expect(shown.byStatus).toEqual(counted.byStatus);
        expect(shown.byCategory.map((c) => c.count)).toEqual(counted.byCategory);
        expect(shown.unmatchedByNeighbourhood).toEqual(counted.unmatched);
        // The town home's figures, from the same tallies; read past their lifetime, as the system login's
        // writes do not reach this process's kept figures (only Date is faked: the driver keeps its timers).
        shift += TOWN_COUNTERS_TTL_MS + 1;
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(Date.now() + shift);
        try {
          expect(await getTownCounters(t.tenant)).toEqual(counted.home);
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 15 },
    );
  }, 180_000);

  it("goes with its town when the town is deleted", async () => {
    const t = await createTown();
    await volunteers(t, 5, { share: 1, spread: 0.1, seed: 0.5 });
    await offers(t, await request(t, CENTRE), 3);
    await systemDb.tenant.delete({ where: { id: t.tenant.id } });
    expect(await systemDb.townTally.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it("moves the newest offer with a response that changes volunteer or time", async () => {
    const t = await createTown();
    await volunteers(t, 2, { share: 1, spread: 0.1, seed: 0.2 });
    const [a, b] = (await systemDb.volunteerProfile.findMany({ where: { tenantId: t.tenant.id }, orderBy: { id: "asc" }, select: { id: true } })).map((v) => v.id);
    const requestId = await request(t, CENTRE);
    const old = new Date("2026-01-01T00:00:00Z");
    const response = await systemDb.response.create({ data: { tenantId: t.tenant.id, requestId, volunteerId: a, createdAt: old } });
    const newest = async (id: string) => (await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: t.tenant.id, id } })).lastRespondedAt;
    expect(await newest(a)).toEqual(old);
    await systemDb.response.updateMany({ where: { tenantId: t.tenant.id, id: response.id }, data: { volunteerId: b } });
    expect([await newest(a), await newest(b)]).toEqual([null, old]);
  });
});

describe("staff volunteer list", () => {
  it("counts the last 30 days' offers and assignments of the page's volunteers only", async () => {
    const t = await createTown();
    await volunteers(t, 250, { share: 0.5, spread: 0.1, seed: 0.3 });
    for (let i = 0; i < 4; i++) await offers(t, await request(t, CENTRE), 120);
    const since = new Date(Date.now() - 30 * 86_400_000);
    const page = (await listVolunteers({ id: t.tenant.id })).rows;
    expect(page).toHaveLength(50);
    const names = (await systemDb.volunteerProfile.findMany({ where: { tenantId: t.tenant.id }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 50, select: { id: true } })).map((v) => v.id);
    expect(page.map((v) => v.id)).toEqual(names);
    for (const v of page) {
      expect(v._count).toEqual({
        responses: await systemDb.response.count({ where: { tenantId: t.tenant.id, volunteerId: v.id, createdAt: { gte: since } } }),
        assignments: await systemDb.assignment.count({ where: { tenantId: t.tenant.id, volunteerId: v.id, createdAt: { gte: since } } }),
      });
    }
  }, 60_000);
});

describe("indexes (read from pg_catalog)", () => {
  it("gives every foreign key an index that starts with its columns", async () => {
    // A foreign key without one makes every delete of the row it points at scan the referencing table (erasing a user scanned the audit log).
    const rows = await prisma.$queryRaw<{ table: string; name: string; columns: string[]; indexed: boolean }[]>`
      SELECT c.relname AS table, con.conname AS name,
             array(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k) AS columns,
             EXISTS (SELECT 1 FROM pg_index i
                      WHERE i.indrelid = con.conrelid
                        AND (SELECT array_agg(x ORDER BY x) FROM unnest(i.indkey[0:cardinality(con.conkey) - 1]) x)
                          = (SELECT array_agg(x ORDER BY x) FROM unnest(con.conkey) x)) AS indexed
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       WHERE con.contype = 'f'`;
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.indexed).map((r) => `${r.table}.${r.name} (${r.columns.join(", ")})`)).toEqual([]);
  });
});
