import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { DAY_MS } from "@/lib/dates/durations";
import type { Tenant } from "@/lib/tenancy/tenant";

/**
 * The coordinator dashboard: where requests stand, how fast they are answered
 * and matched, where they go unmatched, and how many volunteers are busy.
 * Computed in SQL so it stays fast in large towns.
 */
export async function coordinatorDashboard(tenant: Tenant<"defaultLocale">, locale: Locale, now = new Date()) {
  const db = forTenant(tenant.id);
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const [byStatus, byCategory, categories, timing, unmatched, volunteers] = await Promise.all([
    db.helpRequest.groupBy({ by: ["status"], _count: { _all: true } }),
    db.helpRequest.groupBy({ by: ["categoryId"], _count: { _all: true }, orderBy: { _count: { categoryId: "desc" } } }),
    db.category.findMany({ select: { id: true, labels: true } }),
    db.$queryRaw<{ firstResponseHours: number | null; matchHours: number | null }[]>`
      SELECT avg(EXTRACT(EPOCH FROM (fr.first - r."createdAt")) / 3600)::float AS "firstResponseHours",
             avg(EXTRACT(EPOCH FROM (fa.first - r."createdAt")) / 3600)::float AS "matchHours"
        FROM "HelpRequest" r
        LEFT JOIN LATERAL (SELECT min(x."createdAt") AS first FROM "Response" x WHERE x."tenantId" = r."tenantId" AND x."requestId" = r.id) fr ON TRUE
        LEFT JOIN LATERAL (SELECT min(a."createdAt") AS first FROM "Assignment" a WHERE a."tenantId" = r."tenantId" AND a."requestId" = r.id) fa ON TRUE
       WHERE r."tenantId" = ${tenant.id} AND r."createdAt" >= ${since}`,
    db.helpRequest.groupBy({
      by: ["neighbourhood"], where: { status: { in: ["NEW", "OPEN"] } }, _count: { _all: true },
      orderBy: { _count: { neighbourhood: "desc" } }, take: 10,
    }),
    // Each volunteer carries the time of their newest offer (kept by the database): one index-only pass, no probe per volunteer.
    db.$queryRaw<{ active: number; idle: number; paused: number }[]>`
      SELECT count(*) FILTER (WHERE v.status = 'ACTIVE' AND v."lastRespondedAt" >= ${since})::int AS active,
             count(*) FILTER (WHERE v.status = 'ACTIVE' AND (v."lastRespondedAt" IS NULL OR v."lastRespondedAt" < ${since}))::int AS idle,
             count(*) FILTER (WHERE v.status = 'PAUSED')::int AS paused
        FROM "VolunteerProfile" v WHERE v."tenantId" = ${tenant.id}`,
  ]);
  const labels = new Map(categories.map((c) => [c.id, localized(c.labels, locale, tenant.defaultLocale)]));
  return {
    byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Record<string, number>,
    byCategory: byCategory.map((c) => ({ category: labels.get(c.categoryId) ?? "?", count: c._count._all })),
    firstResponseHours: timing[0]?.firstResponseHours ?? null,
    matchHours: timing[0]?.matchHours ?? null,
    unmatchedByNeighbourhood: unmatched.map((u) => ({ neighbourhood: u.neighbourhood, count: u._count._all })),
    volunteers: volunteers[0] ?? { active: 0, idle: 0, paused: 0 },
  };
}
