"use server";

import { townAction } from "@/lib/actions/pipeline";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { currentLocale } from "@/lib/i18n/current";
import { NotFoundInTenant } from "@/lib/errors";
import { eraseResidentData, findResidentRequests } from "@/lib/residents/data-rights";
import { residentEraseSchema, residentLookupSchema } from "@/lib/residents/schemas";

export type ResidentMatch = { id: string; reference: string; status: string; residentName: string; category: string; createdAt: string };
export type ResidentLookupState = FormState & { result?: { at: string; contact: string; requests: ResidentMatch[] } };
export type ResidentEraseState = FormState & { erased?: string[] };

/** A coordinator looks up what the town holds for a phone number or e-mail address. */
export async function lookupResidentAction(_prev: ResidentLookupState, formData: FormData): Promise<ResidentLookupState> {
  return townAction<typeof COORDINATOR_ROLES, typeof residentLookupSchema, ResidentLookupState>(
    formData, { who: COORDINATOR_ROLES, input: residentLookupSchema },
    async ({ tenant, actor, values }, input) => {
      const requests = await findResidentRequests(tenant, actor.userId, input.contact, await currentLocale(tenant.defaultLocale));
      const result = { at: new Date().toISOString(), contact: values.contact, requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
      return { state: { values, result } };
    },
  );
}

/** Erasure on the resident's request, after the identity check and an explicit confirmation. */
export async function eraseResidentAction(_prev: ResidentEraseState, formData: FormData): Promise<ResidentEraseState> {
  return townAction<typeof COORDINATOR_ROLES, typeof residentEraseSchema, ResidentEraseState>(
    formData, { who: COORDINATOR_ROLES, input: residentEraseSchema },
    async ({ tenant, actor }, input) => {
      const { references } = await eraseResidentData(tenant, actor.userId, input.contact, { identityVerified: input.identityVerified === "on" }).catch((error) => {
        // Nothing held for this contact is an answer on the form, not a 404.
        if (error instanceof NotFoundInTenant) throw new FormError("residentNotFound");
        throw error;
      });
      return { state: { erased: references } };
    },
  );
}
