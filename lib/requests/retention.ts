import { writeAudit } from "@/lib/audit/log";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { DAY_MS } from "@/lib/dates/durations";

/**
 * Closed requests keep personal data only for the town's retention period.
 * After that the resident's details, the free-text description, the
 * internal notes and the volunteers' feedback are erased; what remains
 * (category, neighbourhood, dates, status) still feeds the statistics. Sent
 * e-mails, whose data can hold the same details, and the records of what was
 * sent to whom (lib/notifications), are deleted after the same period. A recurring request waits until its next occurrence has been
 * created (which carries the details on), unless that was due a whole
 * retention period ago (a suspended town reopens nothing).
 */
export async function anonymiseExpired(tenant: { id: string; retentionDays: number }, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - tenant.retentionDays * DAY_MS);
  const db = forTenant(tenant.id);
  const expired = await db.helpRequest.findMany({
    where: {
      status: { in: ["DONE", "CANCELLED"] }, closedAt: { lt: cutoff }, anonymisedAt: null,
      OR: [{ nextOccurrenceAt: null }, { nextOccurrenceAt: { lt: cutoff } }],
    },
    select: { id: true },
  });
  for (const { id } of expired) {
    await db.$transaction(async (tx) => {
      await tx.helpRequest.updateMany({
        where: { id },
        data: {
          residentName: "", residentPhone: null, residentEmail: null, residentAddress: null,
          description: "", consentNote: null, nextOccurrenceAt: null, anonymisedAt: now,
        },
      });
      await tx.requestNote.deleteMany({ where: { requestId: id } });
      await tx.assignment.updateMany({ where: { requestId: id }, data: { feedback: null } });
      await writeAudit(tenant, { actorId: null, action: "request.anonymise", subjectType: "HelpRequest", subjectId: id }, tx);
    });
  }
  await db.outboxEmail.deleteMany({
    where: { tenantId: tenant.id, status: { in: ["SENT", "DIGESTED", "FAILED"] }, createdAt: { lt: cutoff } },
  });
  await db.outboxSms.deleteMany({ where: { status: { not: "PENDING" }, createdAt: { lt: cutoff } } });
  await db.notification.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return expired.length;
}
