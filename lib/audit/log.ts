import type { Prisma } from "@/generated/prisma/client";
import { auditWhere, type AuditFilter } from "@/lib/audit/filter";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

export type AuditEntry = {
  actorId: string | null;
  action: string; // e.g. "request.view", "request.status"
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonValue;
};

/** Records who saw or changed personal data. Pass `db` to write inside the caller's transaction. */
export async function writeAudit(tenant: { id: string }, entry: AuditEntry, db: Pick<TenantDb, "auditLog"> = forTenant(tenant.id)) {
  await db.auditLog.create({ data: { tenantId: tenant.id, ...entry } });
}

const ENTRY = {
  id: true, action: true, subjectType: true, subjectId: true, details: true, createdAt: true,
  actor: { select: { email: true, name: true } },
} satisfies Prisma.AuditLogSelect;

type Row = Prisma.AuditLogGetPayload<{ select: typeof ENTRY }>;

/** Entries about requests carry the request's id; people search by its reference, so show it. */
async function withReferences(tenant: { id: string }, rows: Row[]) {
  const ids = [...new Set(rows.filter((r) => r.subjectType === "HelpRequest").map((r) => r.subjectId))];
  const requests = ids.length
    ? await forTenant(tenant.id).helpRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })
    : [];
  const referenceOf = new Map(requests.map((r) => [r.id, r.reference]));
  return rows.map((r) => ({ ...r, reference: r.subjectType === "HelpRequest" ? (referenceOf.get(r.subjectId) ?? null) : null }));
}

export type AuditRow = Awaited<ReturnType<typeof withReferences>>[number];

/** The town admin's view of the audit log, newest first: one page of matches and how many there are in all. */
export async function listAudit(tenant: { id: string; timeZone: string }, filter: AuditFilter = {}, take = 200) {
  const db = forTenant(tenant.id);
  const where = await auditWhere(tenant, filter);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, select: ENTRY, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
    db.auditLog.count({ where }),
  ]);
  return { entries: await withReferences(tenant, rows), total };
}

/** Every matching entry, newest first, in batches (keyset pagination: stable while new entries arrive). */
export async function* auditBatches(tenant: { id: string; timeZone: string }, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  const db = forTenant(tenant.id);
  const where = await auditWhere(tenant, filter);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: Row[] = await db.auditLog.findMany({
      where: after
        ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }
        : where,
      select: ENTRY,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
    });
    if (page.length === 0) return;
    yield await withReferences(tenant, page);
    if (page.length < batchSize) return;
    after = page[page.length - 1];
  }
}

/** The actions recorded in this town, for the filter's choices. */
export async function auditActions(tenant: { id: string }): Promise<string[]> {
  const rows = await forTenant(tenant.id).auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
