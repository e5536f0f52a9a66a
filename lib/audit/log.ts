import type { Prisma } from "@/generated/prisma/client";
import { stripControl } from "@/lib/forms/text";
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

/** The town admin's view of the audit log, newest first, optionally searched by action or subject. */
export async function listAudit(tenant: { id: string }, opts: { q?: string; take?: number } = {}) {
  const q = opts.q && stripControl(opts.q).trim(); // typed in a search box: NUL would fail the query
  return forTenant(tenant.id).auditLog.findMany({
    where: q
      ? { OR: [{ action: { contains: q, mode: "insensitive" } }, { subjectId: { contains: q } }, { actor: { email: { contains: q, mode: "insensitive" } } }] }
      : undefined,
    include: { actor: { select: { email: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 200,
  });
}
