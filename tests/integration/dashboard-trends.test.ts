import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { councilReportPdf } from "@/lib/council-report/download";
import { HOUR_MS } from "@/lib/dates/durations";
import { councilFigures } from "@/lib/stats/council-figures";
import type { Period } from "@/lib/stats/period";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown } from "./helpers/factories";
import { pdfPageCount, pdfText } from "./helpers/pdf-text";

// The dashboard's trends (lib/stats/trends.ts) and map figures against a plain
// recount, request by request, over two towns with generated histories: each
// town's figures are its own recount, so another town's rows never count.

const NOW = new Date("2026-12-01T10:30:00Z");
const VOLUNTEERS = 3;

const request = fc.record({
  ageHours: fc.integer({ min: 0, max: 24 * 120 }),
  source: fc.constantFrom("ONLINE", "PHONE"),
  category: fc.integer({ min: 0, max: 1 }),
  postcode: fc.constantFrom("3000", "3001", "9999"),
  // Hours after the request to each volunteer's offer (null: none), to the match (volunteer 0), to closing it unmatched.
  offers: fc.array(fc.option(fc.integer({ min: 0, max: 24 * 20 })), { minLength: VOLUNTEERS, maxLength: VOLUNTEERS }),
  matchAfter: fc.option(fc.integer({ min: 0, max: 24 * 20 })),
  closeAfter: fc.option(fc.integer({ min: 0, max: 24 * 20 })),
});
type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

// What happens to a town after its history: offers withdrawn or moved, matches
// undone, requests deleted, reopened, closed or recategorised, the town moving
// to another time zone. Each picks its request by index (modulo the town's).
const change = fc.oneof(
  fc.record({ op: fc.constant("delete-offer" as const), i: fc.nat(), v: fc.nat({ max: VOLUNTEERS - 1 }) }),
  fc.record({ op: fc.constant("move-offer" as const), i: fc.nat(), v: fc.nat({ max: VOLUNTEERS - 1 }), hours: fc.integer({ min: 0, max: 24 * 20 }) }),
  fc.record({ op: fc.constant("add-offer" as const), i: fc.nat(), v: fc.nat({ max: VOLUNTEERS - 1 }), hours: fc.integer({ min: 0, max: 24 * 20 }) }),
  fc.record({ op: fc.constant("unmatch" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("match" as const), i: fc.nat(), v: fc.nat({ max: VOLUNTEERS - 1 }), hours: fc.integer({ min: 0, max: 24 * 20 }) }),
  fc.record({ op: fc.constant("delete-request" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("reopen" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("close" as const), i: fc.nat(), hours: fc.integer({ min: 0, max: 24 * 20 }) }),
  fc.record({ op: fc.constant("recategorise" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("move-town" as const), zone: fc.constantFrom("Europe/Brussels", "America/New_York", "Asia/Kolkata") }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** A request's history, cut at NOW: what has not happened yet is not in the database. */
function history(r: Generated) {
  const created = NOW.getTime() - r.ageHours * HOUR_MS;
  const at = (h: number | null) => (h === null || created + h * HOUR_MS > NOW.getTime() ? null : created + h * HOUR_MS);
  const offers = r.offers.map(at);
  const matched = at(r.matchAfter);
  const closed = matched === null ? at(r.closeAfter) : null;
  return { ...r, created, offers, matched, closed, status: matched !== null ? "MATCHED" : closed !== null ? "CANCELLED" : "OPEN" } as const;
}
type History = { created: number; source: string; category: number; postcode: string; offers: (number | null)[]; matched: number | null; matches: number[]; closed: number | null; status: string };

async function seed(list: Generated[], timeZone: string) {
  const t = await createTown({ timeZone });
  const tenantId = t.tenant.id;
  await systemDb.area.createMany({ data: [
    { tenantId, name: "Centrum", postcode: "3000", latitude: 50.88, longitude: 4.7 },
    { tenantId, name: "Kessel-Lo", postcode: "3001", latitude: 50.89, longitude: 4.72 },
  ] });
  const vols: { id: string }[] = [];
  for (let v = 0; v < VOLUNTEERS; v++) {
    const user = await systemDb.user.create({ data: { email: `${tenantId}-v${v}@example.be` } });
    const m = await systemDb.membership.create({ data: { tenantId, userId: user.id, role: "VOLUNTEER" } });
    vols.push(await systemDb.volunteerProfile.create({ data: { tenantId, membershipId: m.id, userId: user.id, name: `V${v}`, phone: "+32470000000", postcode: v === 2 ? "3001" : "3000", codeOfConductAt: NOW } }));
  }
  const rows = list.map(history);
  await systemDb.helpRequest.createMany({ data: rows.map((r, i) => ({
    tenantId, id: `${tenantId}-r${i}`, reference: `R${i}`, categoryId: t.categories[r.category].id, source: r.source, postcode: r.postcode,
    status: r.status, createdAt: new Date(r.created), closedAt: r.closed === null ? null : new Date(r.closed),
  })) });
  await systemDb.response.createMany({ data: rows.flatMap((r, i) => r.offers.flatMap((at, v) => (at === null ? [] : [{ tenantId, requestId: `${tenantId}-r${i}`, volunteerId: vols[v].id, createdAt: new Date(at) }]))) });
  await systemDb.assignment.createMany({ data: rows.flatMap((r, i) => (r.matched === null ? [] : [{ tenantId, requestId: `${tenantId}-r${i}`, volunteerId: vols[0].id, createdAt: new Date(r.matched) }])) });
  return { tenant: { id: tenantId, defaultLocale: "nl" as const, timeZone }, categories: t.categories, rows, vols };
}

type Town = Awaited<ReturnType<typeof seed>>;

/** Applies `changes` as the web login (through the town's wall), each at most at NOW. */
async function apply(town: Town, changes: Change[]) {
  const db = forTenant(town.tenant.id);
  const at = (created: Date, hours: number) => new Date(Math.min(created.getTime() + hours * HOUR_MS, NOW.getTime()));
  for (const c of changes) {
    if (c.op === "move-town") {
      await systemDb.tenant.update({ where: { id: town.tenant.id }, data: { timeZone: c.zone } });
      town.tenant.timeZone = c.zone;
      continue;
    }
    const requests = await db.helpRequest.findMany({ select: { id: true, createdAt: true, categoryId: true }, orderBy: { id: "asc" } });
    if (requests.length === 0) return;
    const r = requests[c.i % requests.length];
    const volunteerId = "v" in c ? town.vols[c.v].id : "";
    if (c.op === "delete-offer") await db.response.deleteMany({ where: { requestId: r.id, volunteerId } });
    else if (c.op === "move-offer") await db.response.updateMany({ where: { requestId: r.id, volunteerId }, data: { createdAt: at(r.createdAt, c.hours) } });
    else if (c.op === "add-offer") await db.response.createMany({ data: [{ tenantId: town.tenant.id, requestId: r.id, volunteerId, createdAt: at(r.createdAt, c.hours) }], skipDuplicates: true });
    else if (c.op === "unmatch") await db.assignment.deleteMany({ where: { requestId: r.id } });
    else if (c.op === "match") await db.assignment.createMany({ data: [{ tenantId: town.tenant.id, requestId: r.id, volunteerId, createdAt: at(r.createdAt, c.hours) }], skipDuplicates: true });
    else if (c.op === "delete-request") await db.helpRequest.delete({ where: { tenantId_id: { tenantId: town.tenant.id, id: r.id } } });
    else if (c.op === "reopen") await db.helpRequest.update({ where: { tenantId_id: { tenantId: town.tenant.id, id: r.id } }, data: { status: "OPEN", closedAt: null } });
    else if (c.op === "close") await db.helpRequest.update({ where: { tenantId_id: { tenantId: town.tenant.id, id: r.id } }, data: { status: "CANCELLED", closedAt: at(r.createdAt, c.hours) } });
    else {
      const other = town.categories.find((x) => x.id !== r.categoryId)!;
      await db.helpRequest.update({ where: { tenantId_id: { tenantId: town.tenant.id, id: r.id } }, data: { categoryId: other.id } });
    }
  }
}

/** The town's history as its rows now say, for the plain recount. */
async function reread(town: Town): Promise<History[]> {
  const where = { tenantId: town.tenant.id };
  const [requests, responses, assignments] = await Promise.all([
    systemDb.helpRequest.findMany({ where, select: { id: true, createdAt: true, source: true, categoryId: true, postcode: true, status: true, closedAt: true } }),
    systemDb.response.findMany({ where, select: { requestId: true, createdAt: true } }),
    systemDb.assignment.findMany({ where, select: { requestId: true, createdAt: true } }),
  ]);
  return requests.map((r) => {
    const matches = assignments.filter((a) => a.requestId === r.id).map((a) => a.createdAt.getTime());
    return {
      created: r.createdAt.getTime(), source: r.source, category: town.categories.findIndex((c) => c.id === r.categoryId), postcode: r.postcode,
      offers: responses.filter((x) => x.requestId === r.id).map((x) => x.createdAt.getTime()),
      matched: matches.length ? Math.min(...matches) : null, matches, closed: r.closedAt?.getTime() ?? null, status: r.status,
    };
  });
}

/** The town's tallies summed over their slots, without those at zero. */
async function tallies(tenantId: string) {
  const rows = await systemDb.$queryRaw<{ kind: string; key: string; n: number }[]>`
    SELECT kind, key, sum(count)::int AS n FROM "TownTally" WHERE "tenantId" = ${tenantId} GROUP BY 1, 2 HAVING sum(count) <> 0 ORDER BY 1, 2`;
  return rows;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
};

/** The figures the plain way. */
function recount(rows: History[], period: Period) {
  const edges = [...period.buckets.map((b) => b.start.getTime()), period.to.getTime()];
  const bucketOf = (at: number) => edges.findIndex((e, i) => i < edges.length - 1 && at >= e && at < edges[i + 1]);
  const per = <T,>(pick: (r: History) => number | null, value: (r: History) => T) =>
    period.buckets.map((_, b) => rows.filter((r) => { const at = pick(r); return at !== null && bucketOf(at) === b; }).map(value));
  const firstOffer = (r: History) => { const os = r.offers.filter((o): o is number => o !== null); return os.length ? Math.min(...os) : null; };
  const inPeriod = rows.filter((r) => bucketOf(r.created) >= 0);
  const seconds = (ms: number) => ms / 1000;
  return {
    requests: per((r) => r.created, (r) => r).map((rs) => rs.length),
    phone: per((r) => r.created, (r) => r.source).map((rs) => rs.filter((s) => s === "PHONE").length),
    cat0: per((r) => r.created, (r) => r.category).map((rs) => rs.filter((c) => c === 0).length),
    offers: period.buckets.map((_, b) => rows.flatMap((r) => r.offers).filter((o) => o !== null && bucketOf(o) === b).length),
    // Every match counts (a request may get a second volunteer), as offers do.
    matches: period.buckets.map((_, b) => rows.flatMap((r) => r.matches).filter((m) => bucketOf(m) === b).length),
    toFirstOffer: per((r) => r.created, (r) => r).map((rs) => median(rs.flatMap((r) => { const f = firstOffer(r); return f === null ? [] : [seconds(f - r.created)]; }))),
    toMatch: per((r) => r.created, (r) => r).map((rs) => median(rs.flatMap((r) => (r.matched === null ? [] : [seconds(r.matched - r.created)])))),
    totalToMatch: median(inPeriod.flatMap((r) => (r.matched === null ? [] : [seconds(r.matched - r.created)]))),
    backlog: edges.slice(1).map((e) => rows.filter((r) => { const gone = r.matched === null ? r.closed : r.closed === null ? r.matched : Math.min(r.matched, r.closed); return r.created < e && (gone === null || gone >= e); }).length),
    open: (postcode: string) => rows.filter((r) => (r.status === "OPEN" || r.status === "NEW") && r.postcode === postcode).length,
  };
}

const closeTo = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-3);

describe("dashboard trends", () => {
  it("equal a plain recount per day or week, medians included, in each town's own zone, never counting another town, after any changes", async () => {
    const query = fc.constantFrom<Record<string, string>>({ period: "7d" }, { period: "30d" }, { period: "90d" }, { period: "custom", from: "2026-09-15", to: "2026-11-10" });
    // Kolkata is UTC+5:30: its midnights fall on the generated instants (NOW is half past an hour, ages are whole hours).
    const zone = fc.constantFrom("Europe/Brussels", "America/New_York", "Asia/Kolkata");
    const changes = fc.array(change, { maxLength: 12 });
    await fc.assert(fc.asyncProperty(fc.array(request, { maxLength: 40 }), fc.array(request, { maxLength: 40 }), zone, zone, changes, changes, query, async (mine, theirs, za, zb, ca, cb, q) => {
      const [a, b] = [await seed(mine, za), await seed(theirs, zb)];
      await apply(a, ca);
      await apply(b, cb);
      for (const town of [a, b]) {
        const { period, trends, neighbourhoods } = await councilFigures(town.tenant, q, "nl", NOW);
        const expected = recount(await reread(town), period);
        const series = (name: string) => trends.bySource.find((s) => s.source === name)?.counts ?? period.buckets.map(() => 0);
        expect(series("ONLINE").map((n, i) => n + series("PHONE")[i])).toEqual(expected.requests);
        expect(series("PHONE")).toEqual(expected.phone);
        expect(trends.byCategory.find((c) => c.id === town.categories[0].id)?.counts ?? period.buckets.map(() => 0)).toEqual(expected.cat0);
        expect(trends.offers).toEqual(expected.offers);
        expect(trends.matches).toEqual(expected.matches);
        expect(trends.backlog).toEqual(expected.backlog);
        trends.toFirstOffer.forEach((m, i) => expect(closeTo(m, expected.toFirstOffer[i]), `first offer, bucket ${i}: ${m} vs ${expected.toFirstOffer[i]}`).toBe(true));
        trends.toMatch.forEach((m, i) => expect(closeTo(m, expected.toMatch[i]), `match, bucket ${i}`).toBe(true));
        expect(closeTo(trends.totals.toMatch, expected.totalToMatch)).toBe(true);
        expect(neighbourhoods.areas.map((x) => [x.postcode, x.openRequests])).toEqual([["3000", expected.open("3000")], ["3001", expected.open("3001")]]);
        expect(neighbourhoods.areas.map((x) => x.volunteers)).toEqual([2, 1]);
        expect(neighbourhoods.elsewhere).toEqual({ openRequests: expected.open("9999"), volunteers: 0 });
        // The tallies kept write by write are the ones a recount from the rows writes.
        const kept = await tallies(town.tenant.id);
        await systemDb.$executeRaw`SELECT public.helpt_day_tallies_rebuild(ARRAY[${town.tenant.id}])`;
        expect(await tallies(town.tenant.id)).toEqual(kept);
      }
    }), { numRuns: 12, endOnFailure: true });
  }, 240_000);

  it("shows no median (null, written \"—\") when no request got an offer", async () => {
    const town = await seed([{ ageHours: 5, source: "ONLINE", category: 0, postcode: "3000", offers: [null, null, null], matchAfter: null, closeAfter: null }], "Europe/Brussels");
    const { trends } = await councilFigures(town.tenant, { period: "7d" }, "nl", NOW);
    expect(trends.totals).toMatchObject({ requests: 1, toFirstOffer: null, toMatch: null, backlog: 1 });
  });
});

describe("council report", () => {
  it("is one page in the town's language with its name, the period and the same figures, even for a year of weeks and many areas", async () => {
    const list = Array.from({ length: 60 }, (_, i): Generated => ({ ageHours: i * 140, source: i % 3 ? "ONLINE" : "PHONE", category: i % 2, postcode: i % 4 ? "3000" : "3001", offers: [i % 5 ? 3 : null, null, 30], matchAfter: i % 3 ? 40 : null, closeAfter: null }));
    const town = await seed(list, "Europe/Brussels");
    await systemDb.area.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ tenantId: town.tenant.id, name: `Wijk ${i}`, postcode: `31${String(i).padStart(2, "0")}`, latitude: 50.8, longitude: 4.6 })) });
    for (const [locale, word] of [["nl", "Periode"], ["fr", "Période"], ["en", "Period"], ["de", "Zeitraum"]] as const) {
      const response = await councilReportPdf({ ...town.tenant, slug: "report-town", name: "Scherpenheuvel-Zichem", primaryColor: "#ffd500" }, { period: "12m" }, locale, NOW);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdfPageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain("Scherpenheuvel-Zichem");
      expect(text).toContain(word);
      expect(text).toContain("Wijk 11 (3111)");
    }
  });
});
