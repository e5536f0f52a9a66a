import { prisma } from "@/lib/db/client";
import { READ_OPERATIONS } from "@/lib/tenancy/read-batch";
import { secondWallEnabled, withSecondWall } from "@/lib/tenancy/second-wall";
import { tenantWritten } from "@/lib/tenancy/writes";

/**
 * Models whose rows belong to one town: primary key (tenantId, id).
 * tests/integration/tenancy-schema.test.ts checks this list against pg_catalog,
 * so a new tenant-owned table cannot be forgotten here.
 */
export const TENANT_MODELS = new Set([
  "Membership", "Category", "HelpRequest", "Response", "RequestNote", "AuditLog",
  "Area", "VolunteerProfile", "Assignment", "Organisation", "Vacancy", "VacancyApplication",
  "TermsAcceptance", "TownTally", "Notification", "OutboxSms", "Callback", "PushSubscription", "OutboxPush", "AlertWave", "Alert",
  "ImportJob",
  "OrganisationMember", "PartnerInvitation", "Referral",
  "Concern", "ConcernNote", "HelpLog",
  "CheckPolicy", "VolunteerCheck",
]);

const WHERE_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "count", "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn",
  "delete", "deleteMany", "upsert",
]);

type Row = Record<string, unknown>;

function stamp(data: Row, tenantId: string): Row {
  if (data.tenantId !== undefined && data.tenantId !== tenantId) {
    throw new Error("forTenant: row belongs to another tenant");
  }
  return { ...data, tenantId };
}

/**
 * The one entry point for tenant-owned data: every query on a tenant model is
 * confined to `tenantId` (reads filtered, writes stamped), so a forgotten
 * filter cannot leak another town's rows (first wall). Row-level security,
 * entered per transaction by withSecondWall, holds even where this is bypassed.
 */
export function forTenant(tenantId: string): TenantDb {
  if (!tenantId) throw new Error("forTenant: tenantId is required");
  // Building the two extended clients cost ~0.2 ms, and a page asks for its
  // town's client many times: one per town, login and wall setting is kept.
  const key = `${tenantId}\n${process.env.DATABASE_APP_URL || process.env.DATABASE_URL}\n${secondWallEnabled()}`;
  let db = clients.get(key);
  if (!db) {
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!);
    db = build(tenantId);
    clients.set(key, db);
  }
  return db;
}

const MAX_CLIENTS = 1000;
const clients = new Map<string, TenantDb>();

function build(tenantId: string) {
  const firstWall = prisma.$extends({
    name: `tenant:${tenantId}`,
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const confined = (TENANT_MODELS.has(model) ? confine(tenantId, operation, args as Row) : args) as typeof args;
          if (READ_OPERATIONS.has(operation)) return query(confined);
          // Caches of the town's figures forget them once a write has run (lib/tenancy/writes.ts).
          try {
            return await query(confined);
          } finally {
            tenantWritten(tenantId);
          }
        },
      },
    },
  });
  return withSecondWall(firstWall, tenantId);
}

function confine(tenantId: string, operation: string, args: Row): Row {
  const a = { ...args };
  if (WHERE_OPERATIONS.has(operation)) a.where = { ...(a.where as Row), tenantId };
  if (operation === "create") a.data = stamp(a.data as Row, tenantId);
  if (operation === "upsert") a.create = stamp(a.create as Row, tenantId);
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const data = a.data as Row | Row[];
    a.data = Array.isArray(data) ? data.map((d) => stamp(d, tenantId)) : stamp(data, tenantId);
  }
  return a;
}

export type TenantDb = ReturnType<typeof build>;
