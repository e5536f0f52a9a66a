import type { ConcernSource } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { DAY_MS } from "@/lib/dates/durations";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { safeguardingLeads, townAdmins } from "@/lib/concerns/leads";
import { requestOfConcernToken } from "@/lib/concerns/link-token";
import { requestIdOrNoneSchema } from "@/lib/concerns/schemas";
import { notify } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";

// A first answer within two days unless the lead sets another deadline.
export const FIRST_DEADLINE_DAYS = 2;

type Town = { id: string; slug: string; defaultLocale: string };
type Raised = {
  source: ConcernSource; createdById: string | null; about: string; body: string;
  contact?: string; requestId?: string; subjectVolunteerId?: string;
};

/**
 * Records a concern and tells every safeguarding lead of the town, in the same
 * transaction. The e-mail says only that there is one and where to read it:
 * the concern's words stay in the database. The audit row names the source,
 * never the text.
 */
export async function raiseConcern(tenant: Town, input: Raised, now = new Date()): Promise<{ id: string }> {
  const db = forTenant(tenant.id);
  return db.$transaction(async (tx) => {
    const concern = await tx.concern.create({
      data: {
        tenantId: tenant.id, source: input.source, createdById: input.createdById, about: input.about, body: input.body,
        contact: input.contact ?? "", requestId: input.requestId ?? null, subjectVolunteerId: input.subjectVolunteerId ?? null,
        deadline: new Date(now.getTime() + FIRST_DEADLINE_DAYS * DAY_MS),
      },
      select: { id: true },
    });
    const url = publicTownUrl(tenant.slug, `/staff/concerns/${concern.id}`);
    // A lead the concern names is not told (to them it does not exist). With no lead left, the admins are, so
    // that nothing waits unseen: they name a lead (the team settings), who then reads it.
    const named = input.subjectVolunteerId ? (await tx.volunteerProfile.findFirst({ where: { id: input.subjectVolunteerId }, select: { userId: true } }))?.userId : undefined;
    const leads = (await safeguardingLeads(tenant, tx)).filter((lead) => lead.userId !== named);
    const told = leads.length > 0 ? leads : await townAdmins(tx);
    for (const lead of told) {
      await notify(tx, tenant, { to: { email: { value: lead.email, consent: true, verified: true } }, template: "concern-raised", locale: tenant.defaultLocale, data: { url }, urgent: true }, now);
    }
    await writeAudit(tenant, { actorId: input.createdById, action: "concern.raise", subjectType: "Concern", subjectId: concern.id, details: { source: input.source } }, tx);
    return concern;
  });
}

/** Staff taking a call: the volunteer named must have offered on or been sent to the request (when one is given), or be of this town. */
export async function raiseByPhone(tenant: Town, staffId: string, input: { about: string; body: string; contact: string; volunteerId?: string }, requestId?: string) {
  const db = forTenant(tenant.id);
  if (requestId && !(await db.helpRequest.findFirst({ where: { id: requestId }, select: { id: true } }))) throw new NotFoundInTenant("request");
  const onRequest = requestId ? { OR: [{ assignments: { some: { requestId } } }, { responses: { some: { requestId } } }] } : {};
  if (input.volunteerId && !(await db.volunteerProfile.findFirst({ where: { id: input.volunteerId, ...onRequest }, select: { id: true } }))) throw new InvalidInput({ volunteerId: "invalidChoice" });
  return raiseConcern(tenant, { source: "RESIDENT_PHONE", createdById: staffId, about: input.about, body: input.body, contact: input.contact, requestId, subjectVolunteerId: input.volunteerId });
}

/** A resident through their link: the token names the request; "about the volunteer" means the one assigned to it. */
export async function raiseByLink(tenant: Town, token: string, input: { about: string; body: string; contact: string; aboutVolunteer: boolean }) {
  const request = await concernLinkRequest(tenant, token);
  return raiseConcern(tenant, {
    source: "RESIDENT_LINK", createdById: null, about: input.about, body: input.body, contact: input.contact, requestId: request.id,
    subjectVolunteerId: input.aboutVolunteer ? (request.assignments[0]?.volunteerId ?? undefined) : undefined,
  });
}

/** The request a resident's link opens, while it still holds the resident's details; otherwise not found. */
export async function concernLinkRequest(tenant: { id: string }, token: string) {
  const requestId = requestOfConcernToken(tenant.id, token);
  const request = requestId
    ? await forTenant(tenant.id).helpRequest.findFirst({
      where: { id: requestId, anonymisedAt: null },
      select: { id: true, reference: true, assignments: { select: { volunteerId: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    })
    : null;
  if (!request) throw new NotFoundInTenant("request");
  return request;
}

/**
 * A signed-in volunteer or partner. A volunteer may name one of their own
 * assignments' requests; anyone else naming a request is refused as a wrong choice.
 */
export async function raiseAsMember(tenant: Town, who: { userId: string; source: "VOLUNTEER" | "PARTNER" }, input: { about: string; body: string; requestId?: string }) {
  if (input.requestId) {
    const own = await forTenant(tenant.id).assignment.findFirst({ where: { requestId: input.requestId, volunteer: { userId: who.userId } }, select: { id: true } });
    if (!own) throw new InvalidInput({ requestId: "invalidChoice" });
  }
  return raiseConcern(tenant, { source: who.source, createdById: who.userId, about: input.about, body: input.body, requestId: input.requestId });
}

/** What staff see when taking a call about a request: its reference, and the volunteers who offered or were sent (those a resident can be worried about). */
export async function phoneConcernContext(tenant: { id: string }, requestId?: string) {
  const request = requestId && requestIdOrNoneSchema.safeParse(requestId).success
    ? await forTenant(tenant.id).helpRequest.findFirst({
      where: { id: requestId },
      select: { id: true, reference: true, assignments: { select: { volunteer: { select: { id: true, name: true } } } }, responses: { select: { volunteer: { select: { id: true, name: true } } } } },
    })
    : null;
  if (!request) return { request: null, volunteers: [] };
  const named = new Map([...request.assignments, ...request.responses].map((x) => [x.volunteer.id, x.volunteer.name]));
  return { request: { id: request.id, reference: request.reference }, volunteers: [...named].map(([value, label]) => ({ value, label })) };
}

/** The requests a volunteer may name in a concern: those they were sent to. */
export async function ownAssignedRequests(tenant: { id: string }, userId: string) {
  const rows = await forTenant(tenant.id).assignment.findMany({
    where: { volunteer: { userId } }, select: { request: { select: { id: true, reference: true } } }, orderBy: { createdAt: "desc" }, take: 50,
  });
  return rows.map((r) => ({ value: r.request.id, label: r.request.reference }));
}
