import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { councilReportPdf } from "@/lib/council-report/download";
import { HOUR_MS } from "@/lib/dates/durations";
import { councilFigures } from "@/lib/stats/council-figures";
import type { Period } from "@/lib/stats/period";
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

/** A request's history, cut at NOW: what has not happened yet is not in the database. */
function history(r: Generated) {
  const created = NOW.getTime() - r.ageHours * HOUR_MS;
  const at = (h: number | null) => (h === null || created + h * HOUR_MS > NOW.getTime() ? null : created + h * HOUR_MS);
  const offers = r.offers.map(at);
  const matched = at(r.matchAfter);
  const closed = matched === null ? at(r.closeAfter) : null;
  return { ...r, created, offers, matched, closed, status: matched !== null ? "MATCHED" : closed !== null ? "CANCELLED" : "OPEN" } as const;
}
type History = ReturnType<typeof history>;

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
  return { tenant: { id: tenantId, defaultLocale: "nl" as const, timeZone }, categories: t.categories, rows };
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
    matches: per((r) => r.matched, () => 1).map((rs) => rs.length),
    toFirstOffer: per((r) => r.created, (r) => r).map((rs) => median(rs.flatMap((r) => { const f = firstOffer(r); return f === null ? [] : [seconds(f - r.created)]; }))),
    toMatch: per((r) => r.created, (r) => r).map((rs) => median(rs.flatMap((r) => (r.matched === null ? [] : [seconds(r.matched - r.created)])))),
    totalToMatch: median(inPeriod.flatMap((r) => (r.matched === null ? [] : [seconds(r.matched - r.created)]))),
    backlog: edges.slice(1).map((e) => rows.filter((r) => { const gone = r.matched ?? r.closed; return r.created < e && (gone === null || gone >= e); }).length),
    open: (postcode: string) => rows.filter((r) => r.status === "OPEN" && r.postcode === postcode).length,
  };
}

const closeTo = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-3);

describe("dashboard trends", () => {
  it("equal a plain recount per day or week, medians included, in each town's own zone, never counting another town", async () => {
    const query = fc.constantFrom<Record<string, string>>({ period: "7d" }, { period: "30d" }, { period: "90d" }, { period: "custom", from: "2026-09-15", to: "2026-11-10" });
    await fc.assert(fc.asyncProperty(fc.array(request, { maxLength: 40 }), fc.array(request, { maxLength: 40 }), query, async (mine, theirs, q) => {
      const [a, b] = [await seed(mine, "Europe/Brussels"), await seed(theirs, "America/New_York")];
      for (const town of [a, b]) {
        const { period, trends, neighbourhoods } = await councilFigures(town.tenant, q, "nl", NOW);
        const expected = recount(town.rows, period);
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
      }
    }), { numRuns: 8 });
  });

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
