"use server";

import { townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import type { FormState } from "@/lib/forms/state";
import { assignVolunteers, completeAssignment } from "@/lib/matching/assign";
import { setResponseCap } from "@/lib/matching/cap";
import { assignFields, assignSchema, capSchema, feedbackSchema } from "@/lib/matching/schemas";
import { setBlocked } from "@/lib/matching/block";

export async function assignAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: assignSchema, from: assignFields }, async ({ tenant, actor, id }, input) => {
    await assignVolunteers(tenant, actor.userId, id, input.volunteerIds);
  });
}

export async function coordinatorDoneAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: feedbackSchema }, async ({ tenant, actor, id }, input) => {
    await completeAssignment(tenant, actor.userId, id, { coordinator: true }, input);
  });
}

/** How many offers a request accepts before it leaves the volunteers' list. */
export async function capAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: capSchema }, async ({ tenant, id }, input) => {
    await setResponseCap(tenant, id, input.maxResponses);
  });
}

export async function blockVolunteerAction(volunteerId: string, formData: FormData): Promise<void> {
  await townAction(formData, { who: COORDINATOR_ROLES, id: volunteerId }, async ({ tenant, actor, id, values }) => {
    await setBlocked(tenant, actor.userId, id, values.blocked === "true");
  });
}
