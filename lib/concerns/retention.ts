import { writeAudit } from "@/lib/audit/log";
import { DAY_MS } from "@/lib/dates/durations";
import { forTenant } from "@/lib/tenancy/for-tenant";

/**
 * Closed concerns are kept for the town's retention period (to see a pattern,
 * to answer questions about how one was handled), then deleted with their
 * notes. Open concerns are kept: they are still being handled.
 */
export async function purgeClosedConcerns(tenant: { id: string; retentionDays: number }, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - tenant.retentionDays * DAY_MS);
  const db = forTenant(tenant.id);
  return db.$transaction(async (tx) => {
    const expired = await tx.concern.findMany({ where: { status: "CLOSED", closedAt: { lt: cutoff } }, select: { id: true } });
    if (expired.length === 0) return 0;
    await tx.concern.deleteMany({ where: { id: { in: expired.map((c) => c.id) } } });
    await writeAudit(tenant, { actorId: null, action: "concern.purge", subjectType: "Tenant", subjectId: tenant.id, details: { count: expired.length } }, tx);
    return expired.length;
  });
}
