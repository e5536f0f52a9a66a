"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { withinLimits, clientIp } from "@/lib/abuse/rate-limit";
import { COORDINATOR_ROLES, STAFF_ROLES, requireRole } from "@/lib/auth/guard";
import { boundId, assertForm } from "@/lib/forms/bound";
import { attempt } from "@/lib/forms/attempt";
import { submissionIdentity } from "@/lib/forms/submission-key";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { addNote, changeStatus, createRequest, publishRequest, triageRequest } from "@/lib/requests/mutations";
import { noteSchema, onlineRequestSchema, phoneRequestSchema, publishSchema, statusSchema, triageSchema } from "@/lib/requests/schemas";
import { tenantOfRequest } from "@/lib/tenancy/from-request";

/** The tenant's country goes in last: a form cannot choose how its phone number is read. */
function parse<S extends z.ZodType>(schema: S, values: Record<string, string>) {
  return schema.safeParse(values);
}

/** A resident asks for help on the town's site. No account needed. */
export async function submitHelpRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const values = formValues(formData);
  if (tenant.status !== "ACTIVE") return { values, errors: {}, formError: "paused" };
  // Bots fill every field; people never see this one. Pretend all went well.
  if (values.website) redirect("/request/thanks");
  const ip = await clientIp();
  let allowed = false;
  const unavailable = await attempt(values, async () => {
    allowed = await withinLimits([["helpRequestPerIp", `${tenant.id}:${ip}`], ["helpRequestPerTown", tenant.id]]);
  });
  if (unavailable) return unavailable;
  if (!allowed) return { values, errors: {}, formError: "rateLimited" };
  const parsed = parse(onlineRequestSchema, { ...values, country: tenant.country });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const locale = await getLocale();
  let reference = "";
  const failed = await attempt(values, async () => {
    const submissionKey = submissionIdentity(values, parsed.data);
    reference = (await createRequest(tenant, parsed.data, { source: "ONLINE", locale, submissionKey })).reference;
  });
  if (failed) return failed;
  redirect(`/request/thanks?ref=${reference}`);
}

/** City staff register a request for a caller. */
export async function submitPhoneRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const staff = await requireRole(tenant, STAFF_ROLES);
  const values = formValues(formData);
  const parsed = parse(phoneRequestSchema, { ...values, country: tenant.country });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  let reference = "";
  const failed = await attempt(values, async () => {
    const locale = typeof values.locale === "string" && values.locale ? values.locale : tenant.defaultLocale;
    const submissionKey = submissionIdentity(values, parsed.data);
    reference = (await createRequest(tenant, parsed.data, { source: "PHONE", locale, staffId: staff.userId, submissionKey })).reference;
  });
  if (failed) return failed;
  redirect(`/staff/intake?created=${reference}`);
}

async function coordinatorAction(
  requestId: string,
  formData: FormData,
  run: (tenantId: { id: string }, actorId: string, values: Record<string, string>, id: string) => Promise<FormState | void>,
): Promise<FormState> {
  const id = boundId(requestId);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const values = formValues(formData);
  const result = await run(tenant, member.userId, values, id);
  if (result) return result;
  revalidatePath("/", "layout");
  return { values: {}, errors: {} };
}

export async function publishAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  return coordinatorAction(requestId, formData, async (tenant, actorId, values, id) => {
    const parsed = publishSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
    return attempt(values, () => publishRequest(tenant, actorId, id, parsed.data.publicSummary));
  });
}

export async function statusAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  return coordinatorAction(requestId, formData, async (tenant, actorId, values, id) => {
    const parsed = statusSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
    return attempt(values, () => changeStatus(tenant, actorId, id, parsed.data.status));
  });
}

export async function triageAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  return coordinatorAction(requestId, formData, async (tenant, actorId, values, id) => {
    const parsed = triageSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
    return attempt(values, () => triageRequest(tenant, actorId, id, parsed.data));
  });
}

export async function noteAction(requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  return coordinatorAction(requestId, formData, async (tenant, actorId, values, id) => {
    const parsed = noteSchema.safeParse(values);
    if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
    return attempt(values, async () => {
      await addNote(tenant, actorId, id, parsed.data.body);
    });
  });
}
