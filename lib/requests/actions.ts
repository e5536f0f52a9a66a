"use server";

import { redirect } from "next/navigation";
import { currentLocale } from "@/lib/i18n/current";
import { townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES, STAFF_ROLES } from "@/lib/auth/guard";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { submissionIdentity } from "@/lib/forms/submission-key";
import { withCountry } from "@/lib/forms/with-country";
import { addNote, changeStatus, createRequest, publishRequest, triageRequest } from "@/lib/requests/mutations";
import { noteSchema, onlineRequestSchema, phoneRequestSchema, publishSchema, statusSchema, triageSchema } from "@/lib/requests/schemas";


/** A resident asks for help on the town's site. No account needed; a paused town takes none. */
export async function submitHelpRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, {
    who: "anyone",
    guard: ({ tenant, values }) => {
      if (tenant?.status !== "ACTIVE") throw new FormError("paused");
      // Bots fill every field; people never see this one. Pretend all went well.
      if (values.website) redirect("/request/thanks");
    },
    limits: (ip, tenant) => [["helpRequestPerIp", `${tenant!.id}:${ip}`], ["helpRequestPerTown", tenant!.id]],
    input: onlineRequestSchema,
    from: withCountry,
  }, async ({ tenant, values }, input) => {
    const meta = { source: "ONLINE" as const, locale: await currentLocale(tenant.defaultLocale), submissionKey: submissionIdentity(values, input) };
    const { reference } = await createRequest(tenant, input, meta);
    return { redirect: `/request/thanks?ref=${reference}` };
  });
}

/** City staff register a request for a caller. */
export async function submitPhoneRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: STAFF_ROLES, input: phoneRequestSchema, from: withCountry }, async ({ tenant, actor, values }, input) => {
    const locale = values.locale || tenant.defaultLocale;
    const meta = { source: "PHONE" as const, locale, staffId: actor.userId, submissionKey: submissionIdentity(values, input) };
    const { reference } = await createRequest(tenant, input, meta);
    return { redirect: `/staff/intake?created=${reference}` };
  });
}

export async function publishAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: publishSchema }, async ({ tenant, actor, id }, input) => {
    await publishRequest(tenant, actor.userId, id, input.publicSummary);
  });
}

export async function statusAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: statusSchema }, async ({ tenant, actor, id }, input) => {
    await changeStatus(tenant, actor.userId, id, input.status);
  });
}

export async function triageAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: triageSchema }, async ({ tenant, actor, id }, input) => {
    await triageRequest(tenant, actor.userId, id, input);
  });
}

export async function noteAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: COORDINATOR_ROLES, id: requestId, input: noteSchema }, async ({ tenant, actor, id }, input) => {
    await addNote(tenant, actor.userId, id, input.body);
  });
}
