import { localized, type Locale } from "@/lib/i18n/locales";
import type { Period } from "@/lib/stats/period";
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

/**
 * The dashboard's trends over `period`: one grouped statement per series,
 * each reading only the period's rows from a (tenantId, createdAt …) index,
 * so a view costs what the period holds, not what the town has ever held.
 * The backlog also reads the requests still open from before the period, and
 * those matched or closed since its start.
 */
export async function dashboardTrends(tenant: { id: string; defaultLocale: Locale }, period: Period, locale: Locale): Promise<Trends> {
  const t = tenant.id;
  const b = thresholds(period);
  const [from, to] = [b[0], b.at(-1)!];
  // Asked for together: the town's reads share one scoped batch (lib/tenancy/read-batch.ts),
  // never an interactive transaction that holds a connection while waiting for another.
  const db = forTenant(t);
  const [requests, timing, activity, backlog, categories] = await Promise.all([
    db.$queryRaw<{ b: number; source: string; category: string; n: number }[]>`
      SELECT width_bucket(r."createdAt", ${b}::timestamp[]) AS b, r.source::text AS source, r."categoryId" AS category, count(*)::int AS n
        FROM "HelpRequest" r
       WHERE r."tenantId" = ${t} AND r."createdAt" >= ${from}::timestamp AND r."createdAt" < ${to}::timestamp
       GROUP BY 1, 2, 3`,
    // ROLLUP adds the whole period's medians (b NULL): a median of medians would be wrong.
    db.$queryRaw<{ b: number | null; offer: number | null; match: number | null }[]>`
      SELECT width_bucket(r."createdAt", ${b}::timestamp[]) AS b,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM fr.first - r."createdAt"))::float AS offer,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM fa.first - r."createdAt"))::float AS match
        FROM "HelpRequest" r
        LEFT JOIN LATERAL (SELECT min(x."createdAt") AS first FROM "Response" x WHERE x."tenantId" = r."tenantId" AND x."requestId" = r.id) fr ON TRUE
        LEFT JOIN LATERAL (SELECT min(a."createdAt") AS first FROM "Assignment" a WHERE a."tenantId" = r."tenantId" AND a."requestId" = r.id) fa ON TRUE
       WHERE r."tenantId" = ${t} AND r."createdAt" >= ${from}::timestamp AND r."createdAt" < ${to}::timestamp
       GROUP BY ROLLUP (1)`,
    db.$queryRaw<{ kind: string; b: number; n: number }[]>`
      SELECT 'offer' AS kind, width_bucket(x."createdAt", ${b}::timestamp[]) AS b, count(*)::int AS n
        FROM "Response" x WHERE x."tenantId" = ${t} AND x."createdAt" >= ${from}::timestamp AND x."createdAt" < ${to}::timestamp GROUP BY 2
      UNION ALL
      SELECT 'match', width_bucket(a."createdAt", ${b}::timestamp[]), count(*)::int
        FROM "Assignment" a WHERE a."tenantId" = ${t} AND a."createdAt" >= ${from}::timestamp AND a."createdAt" < ${to}::timestamp GROUP BY 2`,
    // A request is in the backlog at instant e when it was created before e and had
    // neither a volunteer nor been closed before e. Candidates: created in the period,
    // still open from before it, or matched or closed since its start.
    db.$queryRaw<{ b: number; n: number }[]>`
      WITH candidates AS (
        SELECT id FROM "HelpRequest" WHERE "tenantId" = ${t} AND "createdAt" >= ${from}::timestamp AND "createdAt" < ${to}::timestamp
        UNION SELECT id FROM "HelpRequest" WHERE "tenantId" = ${t} AND status IN ('NEW', 'OPEN') AND "createdAt" < ${from}::timestamp
        UNION SELECT "requestId" FROM "Assignment" WHERE "tenantId" = ${t} AND "createdAt" >= ${from}::timestamp
        UNION SELECT id FROM "HelpRequest" WHERE "tenantId" = ${t} AND "closedAt" >= ${from}::timestamp
      ), life AS (
        SELECT r."createdAt" AS born, least(fa.first, r."closedAt") AS gone
          FROM candidates c
          JOIN "HelpRequest" r ON r."tenantId" = ${t} AND r.id = c.id
          LEFT JOIN LATERAL (SELECT min(a."createdAt") AS first FROM "Assignment" a WHERE a."tenantId" = r."tenantId" AND a."requestId" = r.id) fa ON TRUE
         WHERE r."createdAt" < ${to}::timestamp
      )
      SELECT e.i::int AS b, count(l.born)::int AS n
        FROM unnest((${b}::timestamp[])[2:]) WITH ORDINALITY AS e(at, i)
        LEFT JOIN life l ON l.born < e.at AND (l.gone IS NULL OR l.gone >= e.at)
       GROUP BY e.i`,
    db.category.findMany({ select: { id: true, labels: true, position: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);

  const n = period.buckets.length;
  const zeros = () => new Array<number>(n).fill(0);
  const add = (series: Map<string, Series>, key: string, bucket: number, count: number) => {
    const s = series.get(key) ?? zeros();
    s[bucket - 1] += count;
    series.set(key, s);
  };
  const sources = new Map<string, Series>();
  const cats = new Map<string, Series>();
  for (const r of requests) { add(sources, r.source, r.b, r.n); add(cats, r.category, r.b, r.n); }
  const offers = zeros();
  const matches = zeros();
  for (const a of activity) (a.kind === "offer" ? offers : matches)[a.b - 1] += a.n;
  const toFirstOffer: MedianSeries = new Array(n).fill(null);
  const toMatch: MedianSeries = new Array(n).fill(null);
  const overall = timing.find((r) => r.b === null);
  for (const r of timing) if (r.b !== null) { toFirstOffer[r.b - 1] = r.offer; toMatch[r.b - 1] = r.match; }
  const backlogSeries = zeros();
  for (const r of backlog) backlogSeries[r.b - 1] = r.n;
  const sum = (s: Series) => s.reduce((a, x) => a + x, 0);
  const requestsTotal = requests.reduce((a, r) => a + r.n, 0);
  return {
    bySource: [...sources.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([source, counts]) => ({ source, counts })),
    // In the town's order; categories without a request in the period are left out.
    byCategory: categories.filter((c) => cats.has(c.id)).map((c) => ({ id: c.id, label: localized(c.labels, locale, tenant.defaultLocale), counts: cats.get(c.id)! })),
    offers, matches, toFirstOffer, toMatch, backlog: backlogSeries,
    totals: {
      requests: requestsTotal, offers: sum(offers), matches: sum(matches),
      toFirstOffer: overall?.offer ?? null, toMatch: overall?.match ?? null, backlog: backlogSeries.at(-1) ?? 0,
    },
  };
}
