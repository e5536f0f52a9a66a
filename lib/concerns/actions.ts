"use server";

import { townAction } from "@/lib/actions/pipeline";
import { hasRole, STAFF_ROLES } from "@/lib/auth/guard";
import { LEAD_ROLES } from "@/lib/concerns/leads";
import { addConcernNote, pauseNamedVolunteer, setConcernDeadline, setConcernStatus } from "@/lib/concerns/handle";
import { raiseAsMember, raiseByLink, raiseByPhone } from "@/lib/concerns/raise";
import { concernDeadlineSchema, requestIdOrNoneSchema, concernLinkSchema, concernNoteSchema, concernStatusSchema, linkConcernSchema, memberConcernSchema, phoneConcernSchema } from "@/lib/concerns/schemas";
import { NotFoundInTenant } from "@/lib/errors";
import type { FormState } from "@/lib/forms/state";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** Staff taking a resident's call (the request it concerns is bound when raised from its page, "" otherwise). */
export async function raiseByPhoneAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: STAFF_ROLES, id: requestId, idSchema: requestIdOrNoneSchema, input: phoneConcernSchema }, async ({ tenant, actor, id }, input) => {
    await raiseByPhone(tenant, actor.userId, { about: input.about, body: input.body, contact: input.contact, volunteerId: input.volunteerId }, id || undefined);
    return { redirect: "/staff/concerns/new?sent=1" };
  });
}

/** A resident through the private link of their request: no sign-in, the token is the key. */
export async function raiseByLinkAction(concernLink: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, {
    who: "anyone", id: concernLink, idSchema: concernLinkSchema,
    limits: (ip, tenant) => [["helpRequestPerIp", `concern:${tenant!.id}:${ip}`]],
    input: linkConcernSchema,
  }, async ({ tenant, id }, input) => {
    await raiseByLink(tenant, id, input);
    return { redirect: `/concern/${id}?sent=1` };
  });
}

/** A volunteer or a partner organisation's member of this town, signed in. Anyone else: not found. */
export async function raiseAsMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ["VOLUNTEER", "ORGANISATION"], input: memberConcernSchema }, async ({ tenant, actor }, input) => {
    const volunteer = await forTenant(tenant.id).volunteerProfile.findFirst({ where: { userId: actor.userId }, select: { id: true } });
    const source = volunteer ? "VOLUNTEER" : hasRole(actor, ["ORGANISATION"]) ? "PARTNER" : null;
    if (!source) throw new NotFoundInTenant("member");
    await raiseAsMember(tenant, { userId: actor.userId, source }, input);
    return { redirect: "/concern?sent=1" };
  });
}

export async function concernNoteAction(concernId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: LEAD_ROLES, id: concernId, input: concernNoteSchema }, async ({ tenant, actor, id }, input) => {
    await addConcernNote(tenant, actor.userId, id, input.body);
  });
}

export async function concernStatusAction(concernId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: LEAD_ROLES, id: concernId, input: concernStatusSchema }, async ({ tenant, actor, id }, input) => {
    await setConcernStatus(tenant, actor.userId, id, input.status);
  });
}

export async function concernDeadlineAction(concernId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: LEAD_ROLES, id: concernId, input: concernDeadlineSchema }, async ({ tenant, actor, id }, input) => {
    await setConcernDeadline(tenant, actor.userId, id, input.deadline);
  });
}

export async function pauseVolunteerAction(concernId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: LEAD_ROLES, id: concernId }, async ({ tenant, actor, id }) => {
    await pauseNamedVolunteer(tenant, actor.userId, id);
  });
}
