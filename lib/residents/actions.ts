"use server";

import { revalidatePath } from "next/cache";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { assertForm } from "@/lib/forms/bound";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { currentLocale } from "@/lib/i18n/current";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { eraseResidentData, findResidentRequests } from "@/lib/residents/data-rights";
import { residentEraseSchema, residentLookupSchema } from "@/lib/residents/schemas";
import { tenantOfRequest } from "@/lib/tenancy/from-request";

export type ResidentMatch = { id: string; reference: string; status: string; residentName: string; category: string; createdAt: string };
export type ResidentLookupState = FormState & { result?: { at: string; contact: string; requests: ResidentMatch[] } };
export type ResidentEraseState = FormState & { erased?: string[] };

/** A coordinator looks up what the town holds for a phone number or e-mail address. */
export async function lookupResidentAction(_prev: ResidentLookupState, formData: FormData): Promise<ResidentLookupState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const values = formValues(formData);
  const parsed = residentLookupSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const requests = await findResidentRequests(tenant, member.userId, parsed.data.contact, await currentLocale(tenant.defaultLocale));
  return {
    values, errors: {},
    result: { at: new Date().toISOString(), contact: values.contact, requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) },
  };
}

/** Erasure on the resident's request, after the identity check and an explicit confirmation. */
export async function eraseResidentAction(_prev: ResidentEraseState, formData: FormData): Promise<ResidentEraseState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const values = formValues(formData);
  const parsed = residentEraseSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  try {
    const { references } = await eraseResidentData(tenant, member.userId, parsed.data.contact, { identityVerified: parsed.data.identityVerified === "on" });
    revalidatePath("/", "layout");
    return { values: {}, errors: {}, erased: references };
  } catch (error) {
    if (error instanceof NotFoundInTenant) return { values, errors: {}, formError: "residentNotFound" };
    if (error instanceof InvalidInput) return { values, errors: error.errors };
    throw error;
  }
}
