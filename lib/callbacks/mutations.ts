import { writeAudit } from "@/lib/audit/log";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

/**
 * Staff record that they called the resident back: who and when, with one
 * audit entry. A call already recorded (by a colleague, or a second click)
 * is not recorded twice.
 */
export async function markCalledBack(tenant: { id: string }, actorId: string, callbackId: string, now = new Date()) {
  const db = forTenant(tenant.id);
  const callback = await db.callback.findFirst({ where: { id: callbackId }, select: { requestId: true, reason: true } });
  if (!callback) throw new NotFoundInTenant("callback");
  await db.$transaction(async (tx) => {
    const { count } = await tx.callback.updateMany({ where: { id: callbackId, calledAt: null }, data: { calledAt: now, calledById: actorId } });
    if (count === 0) throw new InvalidTransition("changedMeanwhile");
    await writeAudit(tenant, {
      actorId, action: "callback.done", subjectType: "HelpRequest", subjectId: callback.requestId, details: { callbackId, reason: callback.reason },
    }, tx);
  });
}
