import type { ConcernStatus } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { startOfDay } from "@/lib/dates/zoned";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

// What a safeguarding lead does with a concern. Every function here is called
// only behind the SAFEGUARDING role (lib/concerns/actions.ts, the pages): no
// other role, and so never the person a concern names, reads a concern.
// Audit rows say what was done, never what was written.

const LIST_LIMIT = 200;

/**
 * Which concerns a lead may see: never one naming their own volunteer profile
 * in this town (a member of staff may volunteer too). Such a concern is for
 * the other leads; to this one it does not exist.
 */
async function visibleTo(tenant: { id: string }, leadId: string) {
  const own = await forTenant(tenant.id).volunteerProfile.findFirst({ where: { userId: leadId }, select: { id: true } });
  return own ? { OR: [{ subjectVolunteerId: null }, { subjectVolunteerId: { not: own.id } }] } : {};
}

/** Open concerns first, by deadline; then the most recently closed. */
export async function listConcerns(tenant: { id: string }, leadId: string) {
  const db = forTenant(tenant.id);
  const visible = await visibleTo(tenant, leadId);
  const select = { id: true, source: true, about: true, status: true, deadline: true, createdAt: true, closedAt: true } as const;
  const [open, closed] = await Promise.all([
    db.concern.findMany({ where: { status: { in: ["NEW", "IN_PROGRESS"] }, ...visible }, select, orderBy: [{ deadline: "asc" }, { id: "asc" }], take: LIST_LIMIT }),
    db.concern.findMany({ where: { status: "CLOSED", ...visible }, select, orderBy: [{ closedAt: "desc" }, { id: "asc" }], take: 50 }),
  ]);
  return { open, closed };
}

/** One concern with its notes, the request and volunteer it names; the reading is audit-logged. */
export async function viewConcern(tenant: { id: string }, leadId: string, id: string) {
  const db = forTenant(tenant.id);
  const concern = await db.concern.findFirst({
    where: { id, ...(await visibleTo(tenant, leadId)) },
    include: { notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { email: true, name: true } } } }, raisedBy: { select: { email: true, name: true } } },
  });
  if (!concern) throw new NotFoundInTenant("concern");
  const [request, volunteer] = await Promise.all([
    concern.requestId ? db.helpRequest.findFirst({ where: { id: concern.requestId }, select: { id: true, reference: true } }) : null,
    concern.subjectVolunteerId ? db.volunteerProfile.findFirst({ where: { id: concern.subjectVolunteerId }, select: { id: true, name: true, status: true } }) : null,
  ]);
  await writeAudit(tenant, { actorId: leadId, action: "concern.view", subjectType: "Concern", subjectId: id });
  return { ...concern, request, volunteer };
}

export async function addConcernNote(tenant: { id: string }, leadId: string, id: string, body: string) {
  const db = forTenant(tenant.id);
  const visible = await visibleTo(tenant, leadId);
  await db.$transaction(async (tx) => {
    if (!(await tx.concern.findFirst({ where: { id, ...visible }, select: { id: true } }))) throw new NotFoundInTenant("concern");
    await tx.concernNote.create({ data: { tenantId: tenant.id, concernId: id, authorId: leadId, body } });
    await writeAudit(tenant, { actorId: leadId, action: "concern.note", subjectType: "Concern", subjectId: id }, tx);
  });
}

export async function setConcernStatus(tenant: { id: string }, leadId: string, id: string, status: ConcernStatus, now = new Date()) {
  const db = forTenant(tenant.id);
  const visible = await visibleTo(tenant, leadId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.concern.updateMany({ where: { id, ...visible }, data: { status, closedAt: status === "CLOSED" ? now : null } });
    if (count === 0) throw new NotFoundInTenant("concern");
    await writeAudit(tenant, { actorId: leadId, action: "concern.status", subjectType: "Concern", subjectId: id, details: { status } }, tx);
  });
}

/** The deadline is a day in the town; it falls due at its end (the next midnight there). */
export async function setConcernDeadline(tenant: { id: string; timeZone: string }, leadId: string, id: string, day: string) {
  const db = forTenant(tenant.id);
  const visible = await visibleTo(tenant, leadId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.concern.updateMany({ where: { id, ...visible }, data: { deadline: startOfDay(day, 1, tenant.timeZone) } });
    if (count === 0) throw new NotFoundInTenant("concern");
    await writeAudit(tenant, { actorId: leadId, action: "concern.deadline", subjectType: "Concern", subjectId: id, details: { deadline: day } }, tx);
  });
}

/**
 * Pauses the volunteer a concern names, at once: a paused volunteer is never
 * matched, alerted or shown requests (every such query takes ACTIVE only).
 * While the concern is open they cannot resume themselves (lib/volunteers/profile.ts).
 * An invited volunteer is not paused: they are never matched until they accept
 * the code of conduct, which resuming would skip.
 */
export async function pauseNamedVolunteer(tenant: { id: string }, leadId: string, id: string, now = new Date()) {
  const db = forTenant(tenant.id);
  const visible = await visibleTo(tenant, leadId);
  await db.$transaction(async (tx) => {
    const concern = await tx.concern.findFirst({ where: { id, ...visible }, select: { subjectVolunteerId: true, status: true } });
    if (!concern) throw new NotFoundInTenant("concern");
    if (!concern.subjectVolunteerId || concern.status === "CLOSED") throw new InvalidTransition("transitionNotAllowed");
    await tx.volunteerProfile.updateMany({ where: { id: concern.subjectVolunteerId, status: "ACTIVE" }, data: { status: "PAUSED" } });
    await tx.concern.updateMany({ where: { id }, data: { pausedAt: now, status: concern.status === "NEW" ? "IN_PROGRESS" : concern.status } });
    await writeAudit(tenant, { actorId: leadId, action: "concern.pause-volunteer", subjectType: "VolunteerProfile", subjectId: concern.subjectVolunteerId, details: { concernId: id } }, tx);
  });
}

/** Whether an open concern paused this volunteer (they may not resume themselves meanwhile). */
export async function pausedByConcern(tenant: { id: string }, volunteerId: string): Promise<boolean> {
  const open = await forTenant(tenant.id).concern.count({ where: { subjectVolunteerId: volunteerId, pausedAt: { not: null }, status: { not: "CLOSED" } } });
  return open > 0;
}
