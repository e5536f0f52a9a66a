import { writeAudit } from "@/lib/audit/log";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import type { HelpLogInput } from "@/lib/help-record/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";

const dayDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * A volunteer logs the time they gave on one of their own finished
 * assignments. They may correct it until a coordinator has confirmed it; a
 * rejected log can be sent again. The day cannot be before the assignment nor
 * in the future.
 */
export async function logHelp(tenant: { id: string }, userId: string, assignmentId: string, input: HelpLogInput, now = new Date()) {
  const db = forTenant(tenant.id);
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, volunteer: { userId } },
    select: { id: true, volunteerId: true, doneAt: true, createdAt: true, request: { select: { categoryId: true } }, helpLog: { select: { status: true } } },
  });
  if (!assignment) throw new NotFoundInTenant("assignment");
  if (!assignment.doneAt) throw new InvalidTransition("helpNotDone");
  if (assignment.helpLog?.status === "CONFIRMED") throw new InvalidTransition("helpConfirmed");
  const day = dayDate(input.day);
  if (day.getTime() < dayDate(assignment.createdAt.toISOString().slice(0, 10)).getTime() || day.getTime() > now.getTime()) throw new InvalidInput({ day: "invalidDate" });
  const minutes = Math.round(input.hours * 60);
  await db.$transaction(async (tx) => {
    const row = await tx.helpLog.upsert({
      where: { tenantId_assignmentId: { tenantId: tenant.id, assignmentId } },
      create: { tenantId: tenant.id, assignmentId, volunteerId: assignment.volunteerId, categoryId: assignment.request.categoryId, day, minutes, visits: input.visits },
      update: { day, minutes, visits: input.visits, status: "PENDING", confirmedById: null, confirmedAt: null },
      select: { id: true },
    });
    await writeAudit(tenant, { actorId: userId, action: "help.log", subjectType: "HelpLog", subjectId: row.id, details: { minutes, visits: input.visits } }, tx);
  });
}

/**
 * A coordinator of this town confirms or rejects a pending log. Another
 * town's log is not found here (the town's client and its row-level wall).
 */
export async function decideHelp(tenant: { id: string }, coordinatorId: string, logId: string, confirm: boolean, now = new Date()) {
  const db = forTenant(tenant.id);
  await db.$transaction(async (tx) => {
    // A coordinator who volunteers too has their own hours confirmed by a colleague.
    if (await tx.helpLog.findFirst({ where: { id: logId, volunteer: { userId: coordinatorId } }, select: { id: true } })) throw new InvalidTransition("notYourOwn");
    const { count } = await tx.helpLog.updateMany({
      where: { id: logId, status: "PENDING" },
      data: confirm ? { status: "CONFIRMED", confirmedById: coordinatorId, confirmedAt: now } : { status: "REJECTED", confirmedById: coordinatorId, confirmedAt: null },
    });
    if (count === 0) {
      if (!(await tx.helpLog.findFirst({ where: { id: logId }, select: { id: true } }))) throw new NotFoundInTenant("helpLog");
      throw new InvalidTransition("changedMeanwhile");
    }
    await writeAudit(tenant, { actorId: coordinatorId, action: confirm ? "help.confirm" : "help.reject", subjectType: "HelpLog", subjectId: logId }, tx);
  });
}
