"use server";

import { revalidatePath } from "next/cache";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { boundId, idSchema, assertForm } from "@/lib/forms/bound";
import { attempt } from "@/lib/forms/attempt";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { assignVolunteers, completeAssignment } from "@/lib/matching/assign";
import { capSchema, feedbackSchema } from "@/lib/matching/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { tenantOfRequest } from "@/lib/tenancy/from-request";
import { setBlocked } from "@/lib/matching/block";

const done = (): FormState => {
  revalidatePath("/", "layout");
  return { values: {}, errors: {} };
};

export async function assignAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const ids = formData.getAll("volunteerIds").filter((v): v is string => idSchema.safeParse(v).success).slice(0, 20);
  return (await attempt({}, () => assignVolunteers(tenant, member.userId, id, ids))) ?? done();
}

export async function coordinatorDoneAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const values = formValues(formData);
  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => completeAssignment(tenant, member.userId, id, { coordinator: true }, parsed.data))) ?? done();
}

/** How many offers a request accepts before it leaves the volunteers' list. */
export async function capAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  await requireRole(tenant, COORDINATOR_ROLES);
  const values = formValues(formData);
  const parsed = capSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const { count } = await forTenant(tenant.id).helpRequest.updateMany({ where: { id }, data: { maxResponses: parsed.data.maxResponses } });
  return count === 0 ? { values, errors: {}, formError: "transitionNotAllowed" } : done();
}

export async function blockVolunteerAction(volunteerId: string, formData: FormData): Promise<void> {
  assertForm(formData);
  const id = boundId(volunteerId);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  await attempt({}, () => setBlocked(tenant, member.userId, id, formData.get("blocked") === "true"));
  revalidatePath("/", "layout");
}
