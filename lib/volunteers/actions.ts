"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withinLimits, clientIp } from "@/lib/abuse/rate-limit";
import { requireUser } from "@/lib/auth/guard";
import { attempt } from "@/lib/forms/attempt";
import { boundId, assertForm } from "@/lib/forms/bound";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { completeAssignment } from "@/lib/matching/assign";
import { respondToRequest, withdrawResponse } from "@/lib/matching/respond";
import { applyToVacancy } from "@/lib/organisations/vacancies";
import { tenantOfRequest } from "@/lib/tenancy/from-request";
import { deleteVolunteerProfile, saveVolunteerProfile, setPaused } from "@/lib/volunteers/profile";
import { feedbackSchema, profileFormObject, responseSchema } from "@/lib/matching/schemas";
import { volunteerProfileSchema } from "@/lib/volunteers/schemas";

const done = (): FormState => {
  revalidatePath("/", "layout");
  return { values: {}, errors: {} };
};

/** Registration and later edits of the volunteer profile in this town. */
export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  const values = formValues(formData);
  if (!(await withinLimits([["volunteerFormPerIp", `${tenant.id}:${await clientIp()}`]]))) return { values, errors: {}, formError: "rateLimited" };
  const parsed = volunteerProfileSchema.safeParse(profileFormObject(formData));
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const failed = await attempt(values, () => saveVolunteerProfile(tenant, user.userId, parsed.data));
  if (failed) return failed;
  redirect("/volunteer?saved=1");
}

export async function pauseAction(formData: FormData): Promise<void> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  await attempt({}, () => setPaused(tenant, user.userId, formData.get("paused") === "true"));
  revalidatePath("/", "layout");
}

export async function deleteProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  if (formData.get("confirm") !== "on") return { values: {}, errors: { confirm: "confirmRequired" } };
  await deleteVolunteerProfile(tenant, user.userId);
  redirect("/volunteer?deleted=1");
}

export async function respondAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = responseSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => respondToRequest(tenant, user.userId, id, parsed.data.message))) ?? done();
}

export async function withdrawAction(requestId: string, _prev: FormState): Promise<FormState> {
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  return (await attempt({}, () => withdrawResponse(tenant, user.userId, id))) ?? done();
}

export async function markDoneAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => completeAssignment(tenant, user.userId, id, { volunteerUserId: user.userId }, parsed.data))) ?? done();
}

export async function applyAction(vacancyId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const id = boundId(vacancyId);
  const tenant = await tenantOfRequest();
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = responseSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => applyToVacancy(tenant, user.userId, id, parsed.data.message))) ?? done();
}
