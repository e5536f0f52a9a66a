"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { BillingUnavailable, openCustomerPortal, startSubscription } from "@/lib/billing/checkout";
import { attempt } from "@/lib/forms/attempt";
import { boundId, assertForm } from "@/lib/forms/bound";
import { fieldErrors, formValues, type FormState } from "@/lib/forms/state";
import { inviteSchema } from "@/lib/settings/schemas";
import { inviteMember, removeMember } from "@/lib/settings/team";
import { townSettingsSchema, updateTownSettings } from "@/lib/settings/town";
import { tenantOfRequest } from "@/lib/tenancy/from-request";
import { publicTownUrl } from "@/lib/tenancy/urls";

const done = (): FormState => {
  revalidatePath("/", "layout");
  return { values: {}, errors: {}, formError: undefined };
};

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const admin = await requireRole(tenant, ADMIN_ROLES);
  const values = formValues(formData);
  const parsed = townSettingsSchema.safeParse({ ...values, locales: formData.getAll("locales") });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  await updateTownSettings(tenant, admin.userId, parsed.data);
  return { ...done(), formError: undefined, values: { saved: "1" } };
}

export async function inviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const admin = await requireRole(tenant, ADMIN_ROLES);
  const values = formValues(formData);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  return (await attempt(values, () => inviteMember(tenant, { userId: admin.userId, name: admin.email }, parsed.data))) ?? done();
}

export async function removeMemberAction(membershipId: string, _prev: FormState): Promise<FormState> {
  const id = boundId(membershipId);
  const tenant = await tenantOfRequest();
  const admin = await requireRole(tenant, ADMIN_ROLES);
  return (await attempt({}, () => removeMember(tenant, admin.userId, id))) ?? done();
}

/** Subscribe (Stripe Checkout) or manage billing (Customer Portal); Stripe down → a clear message. */
export async function billingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  assertForm(formData);
  const tenant = await tenantOfRequest();
  const admin = await requireRole(tenant, ADMIN_ROLES);
  const site = publicTownUrl(tenant.slug, "").replace(/\/$/, "");
  let url: string;
  try {
    url = formData.get("intent") === "portal"
      ? await openCustomerPortal(tenant, `${site}/settings/billing`)
      : await startSubscription(tenant, { successUrl: `${site}/settings/billing?done=1`, cancelUrl: `${site}/settings/billing`, customerEmail: admin.email });
  } catch (error) {
    if (error instanceof BillingUnavailable || error instanceof RangeError) return { values: {}, errors: {}, formError: "billingUnavailable" };
    throw error;
  }
  redirect(url);
}
