import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { DAY_MS } from "@/lib/dates/durations";
import type { Tenant } from "@/lib/tenancy/tenant";

const WINDOW_DAYS = 30;
const TALLIED = ["request", "category", "unmatched", "volunteer"];

/** The UTC day `days` before `now` (YYYY-MM-DD): the tallies of volunteers' last offers are kept per day. */
export const dayBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);

/**
 * The coordinator dashboard's present state: where requests stand, where they
 * go unmatched, and how many volunteers are busy.
 * The counts come from the town's tallies (kept by the database on every
 * write, migration 20261130130000_town_tallies), so a view reads a few
 * hundred rows at most in a town of any size (the period's trends: lib/stats/trends.ts).
 * "Offered help" counts whole days: since the start (UTC) of the day 30 days ago.
 */
export async function coordinatorDashboard(tenant: Tenant<"defaultLocale">, locale: Locale, now = new Date()) {
  const db = forTenant(tenant.id);
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const [tallies, categories] = await Promise.all([
    db.townTally.findMany({
      where: { OR: [{ kind: { in: TALLIED } }, { kind: "offered", key: { gte: dayBefore(now, WINDOW_DAYS) } }] },
      select: { kind: true, key: true, count: true },
    }),
    db.category.findMany({ select: { id: true, labels: true } }),
  ]);
  // Each count is split over slots (so concurrent writers do not queue on one row): summed here.
  const sums = new Map<string, { kind: string; key: string; count: number }>();
  for (const t of tallies) {
    const id = JSON.stringify([t.kind, t.key]);
    sums.set(id, { kind: t.kind, key: t.key, count: (sums.get(id)?.count ?? 0) + t.count });
  }
  const of = (kind: string) => [...sums.values()].filter((t) => t.kind === kind && t.count > 0).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const count = (kind: string, key: string) => sums.get(JSON.stringify([kind, key]))?.count ?? 0;
  const labels = new Map(categories.map((c) => [c.id, localized(c.labels, locale, tenant.defaultLocale)]));
  const active = of("offered").reduce((n, t) => n + t.count, 0);
  return {
    byStatus: Object.fromEntries(of("request").map((t) => [t.key, t.count])) as Record<string, number>,
    byCategory: of("category").map((t) => ({ category: labels.get(t.key) ?? "?", count: t.count })),
    unmatchedByNeighbourhood: of("unmatched").slice(0, 10).map((t) => ({ neighbourhood: t.key, count: t.count })),
    volunteers: { active, idle: count("volunteer", "ACTIVE") - active, paused: count("volunteer", "PAUSED") },
  };
}
