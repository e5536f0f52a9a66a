"use server";

import { townAction } from "@/lib/actions/pipeline";
import type { FormState } from "@/lib/forms/state";
import { submissionIdentity } from "@/lib/forms/submission-key";
import { withCountry } from "@/lib/forms/with-country";
import { referResident } from "@/lib/referrals/refer";
import { phoneRequestSchema } from "@/lib/requests/schemas";

/** A partner's member refers a resident: the phone intake's form, checked the same way. */
export async function referAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ["ORGANISATION"], input: phoneRequestSchema, from: withCountry }, async ({ tenant, actor, values }, input) => {
    const locale = values.locale || tenant.defaultLocale;
    const { reference } = await referResident(tenant, actor.userId, input, { locale, submissionKey: submissionIdentity(values, input) });
    return { redirect: `/organisation/refer?created=${reference}` };
  });
}
