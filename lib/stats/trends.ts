import { localized, type Locale } from "@/lib/i18n/locales";
import { addDays, daysBetween, type Period } from "@/lib/stats/period";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** Per bucket of the period, in the period's bucket order. */
export type Series = number[];
/** Per bucket; null where no request of the bucket got there (shown as "—", never as 0). */
export type MedianSeries = (number | null)[];

export type Trends = {
  bySource: { source: string; counts: Series }[];
  byCategory: { id: string; label: string; counts: Series }[];
  offers: Series;
  matches: Series;
  /** Seconds from a request's creation to its first offer, and to its first match: medians of the requests created in each bucket. */
  toFirstOffer: MedianSeries;
  toMatch: MedianSeries;
  /** Requests unmatched (not matched, not closed) at the end of each bucket. */
  backlog: Series;
  totals: { requests: number; offers: number; matches: number; toFirstOffer: number | null; toMatch: number | null; backlog: number };
};

// Thresholds for width_bucket: each bucket's first instant, then the period's end.
// The columns are timestamps in UTC without a zone, so the instants are passed the same way.
const thresholds = (p: Period) => [...p.buckets.map((b) => b.start), p.to].map((d) => d.toISOString().slice(0, 23));

const DAY_KINDS = ["day-source", "day-category", "day-offer", "day-match"];

/**
 * The dashboard's trends over `period`. The counts come from the town's day
 * tallies (kept by the database on every write, on the town's calendar:
 * migration 20261205200000_dashboard_day_tallies), so a view reads at most the
 * period's days per series, however busy the town. The medians read the
 * period's requests with their first offer and match (kept on each request)
 * from one index. The backlog is the town's backlog now, wound back by each
 * day's net change since the period's start.
 */
export async function dashboardTrends(tenant: { id: string; defaultLocale: Locale }, period: Period, locale: Locale): Promise<Trends> {
  const t = tenant.id;
  const b = thresholds(period);
  const [from, to] = [b[0], b.at(-1)!];
  const dayAfter = addDays(period.toDay, 1);
  // Asked for together: the town's reads share one scoped batch (lib/tenancy/read-batch.ts),
  // never an interactive transaction that holds a connection while waiting for another.
  const db = forTenant(t);
  const [tallies, timing, categories] = await Promise.all([
    // Each count is split over slots (lib/stats/dashboard.ts): summed here.
    db.$queryRaw<{ kind: string; key: string; n: number }[]>`
      SELECT kind, key, sum(count)::int AS n FROM "TownTally"
       WHERE "tenantId" = ${t}
         AND ((kind = ANY(${DAY_KINDS}) AND key >= ${period.fromDay} AND key < ${dayAfter})
              OR (kind = 'day-backlog' AND key >= ${period.fromDay}) OR (kind = 'backlog' AND key = ''))
       GROUP BY 1, 2`,
    // ROLLUP adds the whole period's medians (b NULL): a median of medians would be wrong.
    db.$queryRaw<{ b: number | null; offer: number | null; match: number | null }[]>`
      SELECT width_bucket(r."createdAt", ${b}::timestamp[]) AS b,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."firstOfferAt" - r."createdAt"))::float AS offer,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."firstMatchAt" - r."createdAt"))::float AS match
        FROM "HelpRequest" r
       WHERE r."tenantId" = ${t} AND r."createdAt" >= ${from}::timestamp AND r."createdAt" < ${to}::timestamp
       GROUP BY ROLLUP (1)`,
    db.category.findMany({ select: { id: true, labels: true, position: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);

  const n = period.buckets.length;
  const zeros = () => new Array<number>(n).fill(0);
  const add = (series: Map<string, Series>, key: string, bucket: number, count: number) => {
    const s = series.get(key) ?? zeros();
    s[bucket - 1] += count;
    series.set(key, s);
  };
  const step = period.bucket === "day" ? 1 : 7;
  // A day's bucket; the backlog's days after the period (it may end before today) are past its last bucket.
  const bucketOf = (day: string) => Math.floor(daysBetween(period.fromDay, day) / step) + 1;
  const sources = new Map<string, Series>();
  const cats = new Map<string, Series>();
  const offers = zeros();
  const matches = zeros();
  const netBacklog = zeros();
  let backlogNow = 0;
  let backlogSince = 0;
  for (const r of tallies) {
    if (r.kind === "backlog") { backlogNow += r.n; continue; }
    const [day, key] = [r.key.slice(0, 10), r.key.slice(11)];
    const bucket = bucketOf(day);
    if (r.kind === "day-backlog") {
      backlogSince += r.n;
      if (day < dayAfter) netBacklog[bucket - 1] += r.n;
    } else if (r.kind === "day-source") add(sources, key, bucket, r.n);
    else if (r.kind === "day-category") add(cats, key, bucket, r.n);
    else (r.kind === "day-offer" ? offers : matches)[bucket - 1] += r.n;
  }
  const toFirstOffer: MedianSeries = new Array(n).fill(null);
  const toMatch: MedianSeries = new Array(n).fill(null);
  const overall = timing.find((r) => r.b === null);
  for (const r of timing) if (r.b !== null) { toFirstOffer[r.b - 1] = r.offer; toMatch[r.b - 1] = r.match; }
  // The backlog when the period began, then at the end of each bucket.
  let level = backlogNow - backlogSince;
  const backlogSeries = netBacklog.map((d) => (level += d));
  const sum = (s: Series) => s.reduce((a, x) => a + x, 0);
  // Tallies at zero stay (a request deleted): a series without a request in the period is left out.
  const counted = (m: Map<string, Series>) => new Map([...m].filter(([, s]) => s.some((x) => x !== 0)));
  const [bySource, byCat] = [counted(sources), counted(cats)];
  const requestsTotal = [...bySource.values()].reduce((a, s) => a + sum(s), 0);
  return {
    bySource: [...bySource.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([source, counts]) => ({ source, counts })),
    // In the town's order; categories without a request in the period are left out.
    byCategory: categories.filter((c) => byCat.has(c.id)).map((c) => ({ id: c.id, label: localized(c.labels, locale, tenant.defaultLocale), counts: byCat.get(c.id)! })),
    offers, matches, toFirstOffer, toMatch, backlog: backlogSeries,
    totals: {
      requests: requestsTotal, offers: sum(offers), matches: sum(matches),
      toFirstOffer: overall?.offer ?? null, toMatch: overall?.match ?? null, backlog: backlogSeries.at(-1) ?? 0,
    },
  };
}
