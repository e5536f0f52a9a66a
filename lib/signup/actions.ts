"use server";

import { redirect } from "next/navigation";
import { clientIp, withinLimits } from "@/lib/abuse/rate-limit";
import { BillingUnavailable, startSubscription, startTrialWithoutPayment } from "@/lib/billing/checkout";
import { billingEnabled } from "@/lib/billing/stripe";
import { siteAction } from "@/lib/actions/pipeline";
import { FormError } from "@/lib/forms/form-error";
import { fieldErrors, type FormState } from "@/lib/forms/state";
import { checkLogo } from "@/lib/images/logo";
import { stripControl } from "@/lib/forms/text";
import { currentLocale } from "@/lib/i18n/current";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { createTown, isComplete, NameTaken, SlugTaken } from "@/lib/signup/create-town";
import { currentDraft, forgetDraft, saveDraft } from "@/lib/signup/draft";
import { findMunicipality } from "@/lib/signup/municipalities";
import {
  adminSchema, brandingSchema, municipalitySchema, parseAreas, planSchema, STEPS, stepSchema, subdomainSchema,
  type CategoryDraft, type SignupData, type Step,
} from "@/lib/signup/schemas";
import { checkSlug, slugify } from "@/lib/signup/slug";
import { townNameTaken } from "@/lib/signup/town-name";
import { townOrigin } from "@/lib/tenancy/urls";
import { asCountry } from "@/lib/locale/country";

type Result = { data: Partial<SignupData> } | { errors: Record<string, string>; formError?: string };

/** Rows "cat.<i>.include|key|position|label.<locale>" → the town's categories, in the chosen order. */
function parseCategories(formData: FormData, locales: Locale[], defaultLocale: Locale): Result {
  const rows = new Map<string, Record<string, string>>();
  for (const [name, value] of formData.entries()) {
    const m = /^cat\.(\d{1,2})\.(.+)$/.exec(name);
    if (m && typeof value === "string") rows.set(m[1], { ...rows.get(m[1]), [m[2]]: stripControl(value).trim() });
  }
  const chosen: (CategoryDraft & { position: number })[] = [];
  const keys = new Set<string>();
  for (const [i, row] of rows) {
    const labels = Object.fromEntries(locales.map((l) => [l, (row[`label.${l}`] ?? "").slice(0, 60)]).filter(([, v]) => v));
    if (row.include !== "on" && !(row.key === "" && Object.keys(labels).length)) continue;
    if (!labels[defaultLocale]) return { errors: { [`cat.${i}.label.${defaultLocale}`]: "required" } };
    let key = row.key || slugify(labels[defaultLocale]) || `category-${i}`;
    while (keys.has(key)) key = `${key}-2`;
    keys.add(key);
    chosen.push({ key, labels, position: Number(row.position) || 99 });
  }
  if (chosen.length === 0) return { errors: {}, formError: "noCategories" };
  if (chosen.length > 30) return { errors: {}, formError: "tooManyCategories" };
  return { data: { categories: chosen.sort((a, b) => a.position - b.position).map(({ key, labels }) => ({ key, labels })) } };
}

async function validateStep(step: Step, formData: FormData, values: Record<string, string>, draft: SignupData): Promise<Result> {
  switch (step) {
    case "municipality": {
      const known = values.name && values.country ? findMunicipality(values.country, values.name) : undefined;
      const parsed = municipalitySchema.safeParse({ ...values, population: values.population || known?.population });
      if (parsed.success && (await townNameTaken(parsed.data.name))) return { errors: { name: "townNameTaken" } };
      return parsed.success ? { data: { municipality: parsed.data } } : { errors: fieldErrors(parsed.error) };
    }
    case "subdomain": {
      const parsed = subdomainSchema.safeParse(values);
      if (!parsed.success) return { errors: fieldErrors(parsed.error) };
      const check = await checkSlug(parsed.data.slug);
      if (!check.available) return { errors: { slug: check.reason! }, formError: check.suggestions.length ? `suggest:${check.suggestions.join(", ")}` : undefined };
      return { data: { subdomain: parsed.data } };
    }
    case "branding": {
      const parsed = brandingSchema.safeParse({ ...values, locales: formData.getAll("locales"), country: draft.municipality?.country });
      if (!parsed.success) return { errors: fieldErrors(parsed.error) };
      let logo = draft.branding?.logo;
      const file = formData.get("logo");
      if (file instanceof File && file.size > 0) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const checked = checkLogo(bytes);
        if ("error" in checked) return { errors: { logo: checked.error } };
        logo = { type: checked.type, base64: Buffer.from(bytes).toString("base64") };
      }
      return { data: { branding: { ...parsed.data, logo } } };
    }
    case "categories": {
      const b = draft.branding;
      return parseCategories(formData, b?.locales ?? [...LOCALES], b?.defaultLocale ?? "nl");
    }
    case "areas": {
      const parsed = parseAreas(values.areas ?? "", asCountry(draft.municipality?.country));
      return "error" in parsed ? { errors: { areas: parsed.error } } : { data: { areas: parsed.areas } };
    }
    case "admin": {
      const parsed = adminSchema.safeParse(values);
      return parsed.success ? { data: { admin: parsed.data } } : { errors: fieldErrors(parsed.error) };
    }
    case "plan":
      return { data: {} };
  }
}

/**
 * One wizard step: "back" keeps what was typed and goes back; "next" validates
 * on the server, saves, and goes on. The last step creates the town.
 */
export async function saveStepAction(step: Step, _prev: FormState, formData: FormData): Promise<FormState> {
  return siteAction(formData, { who: "anyone", id: step, idSchema: stepSchema }, async ({ values }) => {
    const draft = await currentDraft();
    if (draft.tenantId) redirect("/start/done");
    const index = STEPS.indexOf(step);
    const raw = { ...draft.data.raw, [step]: values };

    if (values.direction === "back") {
      await saveDraft({ id: draft.id, step: Math.max(1, index), data: { ...draft.data, raw } });
      redirect(`/start?step=${Math.max(1, index)}`);
    }
    const result = await validateStep(step, formData, values, draft.data);
    if ("errors" in result) {
      await saveDraft({ id: draft.id, step: index + 1, data: { ...draft.data, raw } });
      throw new FormError(result.formError, result.errors);
    }
    const { [step]: _done, ...otherRaw } = raw;
    const data: SignupData = { ...draft.data, ...result.data, raw: otherRaw };
    // A fresh subdomain suggestion follows the municipality's name.
    if (step === "municipality" && !data.subdomain) data.raw = { ...data.raw, subdomain: { slug: slugify(data.municipality!.name) } };
    const id = await saveDraft({ id: draft.id, step: Math.min(STEPS.length, index + 2), data });

    if (step !== "plan") redirect(`/start?step=${index + 2}`);
    return { redirect: await finish(id, data, formData) };
  });
}

/** Creates the town; where to go next. */
async function finish(draftId: string, data: SignupData, formData: FormData): Promise<string> {
  // A refused form (no acceptance) is not an attempt: checked before the rate limit.
  const plan = planSchema.safeParse({ plan: billingEnabled() ? formData.get("plan") : "FREE", acceptTerms: formData.get("acceptTerms") });
  if (!plan.success) throw new FormError(undefined, fieldErrors(plan.error));
  if (!(await withinLimits([["signupPerIp", await clientIp()]]))) throw new FormError("rateLimited");
  if (!isComplete(data)) {
    const missing = STEPS.findIndex((s) => s !== "plan" && !data[s as keyof SignupData]);
    redirect(`/start?step=${missing + 1}`);
  }
  let tenant;
  try {
    tenant = await createTown(data, draftId, { acceptedAt: new Date(), adminLocale: await currentLocale(data.branding.defaultLocale) });
  } catch (error) {
    if (error instanceof SlugTaken) {
      await saveDraft({ id: draftId, step: 2, data: { ...data, subdomain: undefined, raw: { ...data.raw, subdomain: { slug: data.subdomain.slug } } } });
      redirect("/start?step=2&taken=1");
    }
    if (error instanceof NameTaken) throw new FormError("townNameTaken");
    throw error;
  }
  await forgetDraft();
  if (plan.data.plan === "PAID") {
    const site = townOrigin(tenant.slug);
    try {
      return await startSubscription(tenant, { successUrl: `${site}/settings?billing=success`, cancelUrl: `${site}/settings?billing=cancelled`, customerEmail: data.admin.adminEmail });
    } catch (error) {
      if (!(error instanceof BillingUnavailable)) throw error;
      await startTrialWithoutPayment(tenant);
      return `/start/done?town=${tenant.slug}&trial=1`;
    }
  }
  return `/start/done?town=${tenant.slug}`;
}

/** Starts over (after finishing, or to sign up another town). */
export async function restartAction(formData: FormData): Promise<void> {
  await siteAction(formData, { who: "anyone" }, async () => {
    await forgetDraft();
    return { redirect: "/start?step=1" };
  });
}
