"use server";

import { townAction } from "@/lib/actions/pipeline";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { completeAssignment } from "@/lib/matching/assign";
import { respondToRequest, withdrawResponse } from "@/lib/matching/respond";
import { applyToVacancy } from "@/lib/organisations/vacancies";
import { deleteVolunteerProfile, saveVolunteerProfile, setPaused } from "@/lib/volunteers/profile";
import { feedbackSchema, profileFormObject, responseSchema } from "@/lib/matching/schemas";
import { phoneCodeSchema, volunteerProfileSchema } from "@/lib/volunteers/schemas";
import { confirmPhoneCode, sendPhoneCode, setSmsAlerts } from "@/lib/volunteers/phone";
import { currentLocale } from "@/lib/i18n/current";

/** Registration and later edits of the volunteer profile in this town. */
export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, {
    who: "user",
    limits: (ip, tenant) => [["volunteerFormPerIp", `${tenant!.id}:${ip}`]],
    input: volunteerProfileSchema,
    from: profileFormObject,
  }, async ({ tenant, actor }, input) => {
    await saveVolunteerProfile(tenant, actor.userId, input);
    return { redirect: "/volunteer?saved=1" };
  });
}

export async function pauseAction(formData: FormData): Promise<void> {
  await townAction(formData, { who: "user" }, async ({ tenant, actor, values }) => {
    await setPaused(tenant, actor.userId, values.paused === "true");
  });
}

export async function deleteProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user" }, async ({ tenant, actor, values }) => {
    if (values.confirm !== "on") throw new FormError(undefined, { confirm: "confirmRequired" });
    await deleteVolunteerProfile(tenant, actor.userId);
    return { redirect: "/volunteer?deleted=1" };
  });
}

export async function respondAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: requestId, input: responseSchema }, async ({ tenant, actor, id }, input) => {
    await respondToRequest(tenant, actor.userId, id, input.message);
  });
}

export async function withdrawAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: requestId }, async ({ tenant, actor, id }) => {
    await withdrawResponse(tenant, actor.userId, id);
  });
}

export async function markDoneAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: requestId, input: feedbackSchema }, async ({ tenant, actor, id }, input) => {
    await completeAssignment(tenant, actor.userId, id, { volunteerUserId: actor.userId }, input);
  });
}

export async function applyAction(vacancyId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", id: vacancyId, input: responseSchema }, async ({ tenant, actor, id }, input) => {
    await applyToVacancy(tenant, actor.userId, id, input.message);
  });
}

/** Alerts by text message: yes or no (the checkbox), on the volunteer's profile. */
export async function smsAlertsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", limits: (ip, tenant) => [["volunteerFormPerIp", `${tenant!.id}:${ip}`]] }, async ({ tenant, actor, values }) => {
    await setSmsAlerts(tenant, actor.userId, values.smsAlerts === "on");
    return { redirect: "/volunteer/profile?sms=saved#sms" };
  });
}

/** Texts a code to the volunteer's number. */
export async function sendPhoneCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", limits: (ip, tenant) => [["phoneCodePerIp", `${tenant!.id}:${ip}`]] }, async ({ tenant, actor }) => {
    await sendPhoneCode(tenant, actor.userId, await currentLocale(tenant.defaultLocale));
    return { redirect: "/volunteer/profile?sms=sent#sms" };
  });
}

/** The code from the text: confirms the number for alerts. */
export async function confirmPhoneCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: "user", limits: (ip, tenant) => [["volunteerFormPerIp", `${tenant!.id}:${ip}`]], input: phoneCodeSchema }, async ({ tenant, actor }, input) => {
    await confirmPhoneCode(tenant, actor.userId, input.code);
    return { redirect: "/volunteer/profile?sms=verified#sms" };
  });
}
