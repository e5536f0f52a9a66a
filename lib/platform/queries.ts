import { prisma } from "@/lib/db/client";
import { idSchema } from "@/lib/forms/bound";
import { Prisma } from "@/generated/prisma/client";
import type { BillingStatus, Plan, TenantStatus } from "@/generated/prisma/enums";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import type { Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type KeyOrder } from "@/lib/lists/keyset";
import { PAGE_SIZE } from "@/lib/lists/params";
import { containsPattern } from "@/lib/lists/search";
import type { TOWN_SORTS, TownFilter } from "./schemas";
import { systemDb } from "@/lib/tenancy/system";
import { DAY_MS } from "@/lib/dates/durations";

// The platform console looks across towns by design, so it reads through the
// global client rather than forTenant(). Counts are aggregated per town in a
// fixed number of queries, however many towns there are.

const OPEN_STATUSES = ["NEW", "OPEN"] as const;
const STRIPE_EVENTS_SHOWN = 20;
const AUDIT_ROWS_SHOWN = 100;

const TOWN_FIELDS = {
  id: true, slug: true, name: true, status: true, suspendedReason: true, plan: true, population: true,
  locales: true, defaultLocale: true, phone: true, country: true, timeZone: true, email: true, createdAt: true,
  billingStatus: true, stripeCustomerId: true, stripeSubscriptionId: true, currentPeriodEnd: true, graceEndsAt: true, trialEndsAt: true,
} as const;

const TOWN_ORDERS = {
  name: [{ sql: Prisma.sql`t.name`, kind: "text" }, { sql: Prisma.sql`t.id`, kind: "text" }],
  created: [{ sql: Prisma.sql`t."createdAt"`, kind: "date" }, { sql: Prisma.sql`t.id`, kind: "text" }],
} satisfies Record<(typeof TOWN_SORTS)[number], KeyOrder["columns"]>;

type TownRow = {
  id: string; slug: string; name: string; status: TenantStatus; plan: Plan; billingStatus: BillingStatus;
  population: number | null; createdAt: Date; updatedAt: Date;
};

/**
 * One page of the towns matching the filter (name, slug or a custom domain
 * contains the search), with their volunteers, open requests and last
 * activity, and how many match in all (up to 10,000). Towns are few enough
 * (hundreds) that the search needs no trigram index; the sort orders have theirs.
 */
export async function listTowns(filter: TownFilter = {}, size = PAGE_SIZE) {
  const and: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.status) and.push(Prisma.sql`t.status::text = ${filter.status}`);
  if (filter.plan) and.push(Prisma.sql`t.plan::text = ${filter.plan}`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    and.push(Prisma.sql`(t.name ILIKE ${pattern} OR t.slug ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM "Domain" d WHERE d."tenantId" = t.id AND d.host ILIKE ${pattern}))`);
  }
  const from = Prisma.sql`FROM "Tenant" t WHERE ${Prisma.join(and, " AND ")}`;
  const sort = filter.sort ?? "name";
  const plan = keysetSql({ columns: TOWN_ORDERS[sort], dir: filter.dir ?? "asc" }, filter);
  const [fetched, counted] = await Promise.all([
    systemDb.$queryRaw<TownRow[]>`
      SELECT t.id, t.slug, t.name, t.status, t.plan, t."billingStatus", t.population, t."createdAt", t."updatedAt"
      ${from} ${plan.where} ${plan.orderBy} LIMIT ${size + 1}`,
    systemDb.$queryRaw<{ n: number }[]>(cappedCountSql(from)),
  ]);
  const page = pageOf(fetched, size, (r): Key => (sort === "created" ? [r.createdAt, r.id] : [r.name, r.id]), plan);
  const inTowns = { in: page.rows.map((t) => t.id) };
  const [volunteers, open, latest] = await Promise.all([
    systemDb.volunteerProfile.groupBy({ by: ["tenantId"], where: { tenantId: inTowns }, _count: { _all: true } }),
    systemDb.helpRequest.groupBy({ by: ["tenantId"], where: { tenantId: inTowns, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
    systemDb.helpRequest.groupBy({ by: ["tenantId"], where: { tenantId: inTowns }, _max: { createdAt: true } }),
  ]);
  const volunteersOf = new Map(volunteers.map((v) => [v.tenantId, v._count._all]));
  const openOf = new Map(open.map((o) => [o.tenantId, o._count._all]));
  const latestOf = new Map(latest.map((l) => [l.tenantId, l._max.createdAt]));
  const rows = page.rows.map(({ updatedAt, ...town }) => ({
    ...town,
    volunteers: volunteersOf.get(town.id) ?? 0,
    openRequests: openOf.get(town.id) ?? 0,
    // A town without requests yet was last active when it was last changed.
    lastActivity: latestOf.get(town.id) ?? updatedAt,
  }));
  return { rows, next: page.next, prev: page.prev, total: cappedCount(counted) };
}

/** Figures across all towns, for the top of the console. */
export async function platformMetrics(now = new Date()) {
  const [byStatus, volunteers, openRequests, requestsLast7Days] = await Promise.all([
    prisma.tenant.groupBy({ by: ["status"], _count: { _all: true } }),
    systemDb.volunteerProfile.count(),
    systemDb.helpRequest.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
    systemDb.helpRequest.count({ where: { createdAt: { gte: new Date(now.getTime() - 7 * DAY_MS), lte: now } } }),
  ]);
  const towns = { ACTIVE: 0, SUSPENDED: 0 };
  for (const s of byStatus) towns[s.status] = s._count._all;
  return { towns, volunteers, openRequests, requestsLast7Days };
}

/** One town with its counts, latest Stripe events and platform audit history (newest first); null if unknown. */
export async function getTown(id: string) {
  if (!idSchema.safeParse(id).success) return null;
  const tenant = await prisma.tenant.findUnique({ where: { id }, select: TOWN_FIELDS });
  if (!tenant) return null;
  const [volunteers, openRequests, stripeEvents, audit] = await Promise.all([
    systemDb.volunteerProfile.count({ where: { tenantId: id } }),
    systemDb.helpRequest.count({ where: { tenantId: id, status: { in: [...OPEN_STATUSES] } } }),
    systemDb.stripeEvent.findMany({ where: { tenantId: id }, orderBy: { processedAt: "desc" }, take: STRIPE_EVENTS_SHOWN }),
    systemDb.platformAudit.findMany({ where: { tenantId: id }, orderBy: { createdAt: "desc" }, take: AUDIT_ROWS_SHOWN }),
  ]);
  // PlatformAudit keeps the actor's id without a relation, so the row outlives the user.
  const actorIds = [...new Set(audit.map((a) => a.actorId).filter((a): a is string => !!a))];
  const actors = actorIds.length
    ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } })
    : [];
  const emailOf = new Map(actors.map((u) => [u.id, u.email]));
  return {
    tenant,
    volunteers,
    openRequests,
    stripeEvents,
    audit: audit.map((a) => ({ ...a, actorEmail: a.actorId ? (emailOf.get(a.actorId) ?? null) : null })),
  };
}
