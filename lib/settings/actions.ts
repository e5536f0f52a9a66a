"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES } from "@/lib/auth/guard";
import { BillingUnavailable, openCustomerPortal, startSubscription } from "@/lib/billing/checkout";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { inviteSchema } from "@/lib/settings/schemas";
import { inviteMember, removeMember } from "@/lib/settings/team";
import { heroSchema, logoSchema, removeTownHero, saveTownHero, saveTownLogo, townSettingsSchema, updateTownSettings } from "@/lib/settings/town";
import { prepareHero } from "@/lib/branding/hero";
import { checkLogo } from "@/lib/images/logo";
import { townOrigin } from "@/lib/tenancy/urls";

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, {
    who: ADMIN_ROLES,
    input: townSettingsSchema,
    from: (form, values) => ({ ...values, locales: form.getAll("locales") }),
  }, async ({ tenant, actor }, input) => {
    await updateTownSettings(tenant, actor.userId, input);
    return { state: { values: { saved: "1" } } };
  });
}

/** The home page's photo: a new file (checked and re-encoded), its text alternative, or removal. */
export async function saveHeroAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: heroSchema }, async ({ tenant, actor }, input) => {
    if (input.intent === "remove") {
      await removeTownHero(tenant, actor.userId);
      return { state: { values: { heroSaved: "removed" } } };
    }
    const file = formData.get("hero");
    const upload = file instanceof File && file.size > 0 ? await prepareHero(new Uint8Array(await file.arrayBuffer())) : null;
    // What was typed (the text alternative) stays in the form; the file has to be chosen again.
    if (upload && "error" in upload) throw new FormError(undefined, { hero: upload.error });
    await saveTownHero(tenant, actor.userId, upload, input.heroAlt);
    return { state: { values: { heroSaved: "saved" } } };
  });
}

/** The header's logo: a new file (type checked by its bytes, size limited), or removal. */
export async function saveLogoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: logoSchema }, async ({ tenant, actor }, input) => {
    if (input.intent === "remove") {
      await saveTownLogo(tenant, actor.userId, null);
      return { state: { values: { logoSaved: "removed" } } };
    }
    const file = formData.get("logo");
    if (!(file instanceof File) || file.size === 0) throw new FormError(undefined, { logo: "logoMissing" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkLogo(bytes);
    if ("error" in checked) throw new FormError(undefined, { logo: checked.error });
    await saveTownLogo(tenant, actor.userId, { bytes, type: checked.type });
    return { state: { values: { logoSaved: "saved" } } };
  });
}

export async function inviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: inviteSchema }, async ({ tenant, actor }, input) => {
    await inviteMember(tenant, { userId: actor.userId, name: actor.email }, input);
  });
}

export async function removeMemberAction(membershipId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: membershipId }, async ({ tenant, actor, id }) => {
    await removeMember(tenant, actor.userId, id);
  });
}

/** Subscribe (Stripe Checkout) or manage billing (Customer Portal); Stripe down → a clear message. */
export async function billingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES }, async ({ tenant, actor, values }) => {
    const site = townOrigin(tenant.slug);
    try {
      return {
        redirect: values.intent === "portal"
          ? await openCustomerPortal(tenant, `${site}/settings/billing`)
          : await startSubscription(tenant, { successUrl: `${site}/settings/billing?done=1`, cancelUrl: `${site}/settings/billing`, customerEmail: actor.email }),
      };
    } catch (error) {
      if (error instanceof BillingUnavailable || error instanceof RangeError) throw new FormError("billingUnavailable");
      throw error;
    }
  });
}
