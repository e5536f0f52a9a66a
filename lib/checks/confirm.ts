import { writeAudit } from "@/lib/audit/log";
import { STAFF_CONFIRMED, type CheckKind } from "@/lib/checks/kinds";
import { DEFAULT_VALID_MONTHS } from "@/lib/checks/policy";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** `months` calendar months after `from` (UTC), clamped to the month's last day: 31 January + 1 month is 28/29 February. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

async function record(tx: Tx, tenant: { id: string }, actorId: string, volunteerId: string, kind: CheckKind, note: string, now: Date) {
  const terms = await tx.checkPolicy.findFirst({ where: { kind }, select: { validMonths: true } });
  const validUntil = addMonths(now, terms?.validMonths ?? DEFAULT_VALID_MONTHS);
  const check = await tx.volunteerCheck.create({
    data: { tenantId: tenant.id, volunteerId, kind, confirmedById: actorId, confirmedAt: now, validUntil, note },
    select: { id: true, validUntil: true },
  });
  // The note is not repeated in the log: it may say more about the person than the log should keep.
  await writeAudit(tenant, { actorId, action: "checks.confirm", subjectType: "VolunteerProfile", subjectId: volunteerId, details: { kind, checkId: check.id, validUntil: validUntil.toISOString() } }, tx);
  return check;
}

/**
 * Staff confirm that they saw a volunteer's identity, record extract or
 * reference: who, when, until when (the town's validity for that kind) and a
 * short note. The document itself is never asked for nor kept.
 */
export async function confirmCheck(tenant: { id: string }, actorId: string, volunteerId: string, kind: CheckKind, note: string, now = new Date()) {
  if (!(STAFF_CONFIRMED as readonly CheckKind[]).includes(kind)) throw new InvalidTransition("checkSelfOnly");
  return forTenant(tenant.id).$transaction(async (tx) => {
    const volunteer = await tx.volunteerProfile.findFirst({ where: { id: volunteerId }, select: { userId: true } });
    if (!volunteer) throw new NotFoundInTenant("volunteer");
    // Staff who volunteer too have their own checks confirmed by a colleague.
    if (volunteer.userId === actorId) throw new InvalidTransition("notYourOwn");
    return record(tx, tenant, actorId, volunteerId, kind, note, now);
  });
}

/** The volunteer confirms they read the town's training module (only once the town wrote one). */
export async function confirmTraining(tenant: { id: string }, userId: string, now = new Date()) {
  return forTenant(tenant.id).$transaction(async (tx) => {
    const volunteer = await tx.volunteerProfile.findFirst({ where: { userId }, select: { id: true } });
    if (!volunteer) throw new NotFoundInTenant("volunteer");
    const module = await tx.checkPolicy.findFirst({ where: { kind: "TRAINING" }, select: { text: true } });
    if (!module?.text.trim()) throw new InvalidTransition("noTraining");
    return record(tx, tenant, userId, volunteer.id, "TRAINING", "", now);
  });
}
