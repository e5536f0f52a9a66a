import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { writeAudit } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import type { HeroSize } from "@/lib/branding/hero";
import { logoUrlFor } from "@/lib/images/logo";
import { brandFields, placeFields, withBrandRules } from "@/lib/signup/schemas";
import { defaultTimeZone } from "@/lib/locale/country";
import { isLocale } from "@/lib/i18n/locales";
import { VOLUNTEER_CHANNELS, volunteerContact } from "@/lib/notifications/contacts";
import { notifyAll } from "@/lib/notifications/notify";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { crisisCallRef } from "@/lib/reach/refs";
import { forTenant } from "@/lib/tenancy/for-tenant";

export const townSettingsSchema = withBrandRules(
  z.object({
    ...brandFields,
    ...placeFields,
    name: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(80, "tooLong"),
    mode: z.enum(["DORMANT", "ACTIVE", "CRISIS"], { error: "invalidChoice" }),
    responseCap: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(50, "invalidNumber"),
    retentionDays: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(7, "invalidNumber").max(3650, "invalidNumber"),
    emailsPerDay: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(20, "invalidNumber"),
    // Hours to call back a resident reachable only by phone (lib/callbacks); absent: unchanged.
    callbackHoursCrisis: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(72, "invalidNumber").optional(),
    callbackHoursActive: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(168, "invalidNumber").optional(),
    // Alerts on publishing (lib/alerts): volunteers per wave in active and crisis mode, minutes before the next wave.
    alertBatchActive: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(50, "invalidNumber").default(5),
    alertBatchCrisis: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(100, "invalidNumber").default(15),
    alertWaitMinutes: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(5, "invalidNumber").max(1440, "invalidNumber").default(30),
    // Named in the privacy notice; empty clears it.
    dpoEmail: z.string().trim().toLowerCase().transform((s) => s || null).pipe(z.email("invalidEmail").max(254, "tooLong").nullable()).optional(),
  }),
).transform((s) => ({ ...s, timeZone: s.timeZone || defaultTimeZone(s.country) }));

export type TownSettings = z.infer<typeof townSettingsSchema>;

/**
 * A town admin changes the town's settings; the cached tenant is refreshed at
 * once. Switching to crisis mode asks every volunteer to confirm their
 * availability (one mail each, written with the change).
 */
export async function updateTownSettings(tenant: { id: string; slug: string }, actorId: string, input: TownSettings) {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const before = await tx.tenant.update({ where: { id: tenant.id }, data: {}, select: { mode: true } });
    await tx.tenant.update({ where: { id: tenant.id }, data: input });
    if (input.mode === "CRISIS" && before.mode !== "CRISIS") {
      const volunteers = await tx.volunteerProfile.findMany({ where: { tenantId: tenant.id, status: { not: "BLOCKED" } }, select: { ...VOLUNTEER_CHANNELS, languages: true, user: { select: { email: true } } } });
      const url = publicTownUrl(tenant.slug, "/volunteer");
      // The call's moment names it in the town's reach figures (lib/reach/figures.ts).
      const ref = crisisCallRef(new Date());
      await notifyAll(tx, tenant, volunteers.map((v) => ({
        to: volunteerContact(v.user, v), template: "crisis-call", data: { url }, locale: v.languages.find(isLocale) ?? input.defaultLocale, ref,
      })));
    }
  });
  await writeAudit(tenant, { actorId, action: "settings.update", subjectType: "Tenant", subjectId: tenant.id, details: { mode: input.mode } });
  invalidateTenant(tenant);
}

export async function townSettings(tenant: { id: string }) {
  return prisma.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: {
      name: true, primaryColor: true, phone: true, email: true, country: true, timeZone: true, locales: true, defaultLocale: true, mode: true,
      responseCap: true, retentionDays: true, emailsPerDay: true, callbackHoursCrisis: true, callbackHoursActive: true, alertBatchActive: true, alertBatchCrisis: true, alertWaitMinutes: true, dpoEmail: true, logoUrl: true, heroAlt: true, heroUpdatedAt: true, plan: true, billingStatus: true, trialEndsAt: true,
      currentPeriodEnd: true, graceEndsAt: true, population: true,
      domains: { select: { host: true, verificationToken: true, verifiedAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** What the billing settings page shows. */
export async function townBilling(tenant: { id: string }) {
  return prisma.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: { plan: true, billingStatus: true, trialEndsAt: true, graceEndsAt: true, population: true, stripeCustomerId: true },
  });
}

// Which button of an image form was pressed: upload the chosen file, or remove the current one.
const saveOrRemove = z.enum(["save", "remove"], { error: "invalidChoice" }).default("save");

/** The header's logo: a new file, or removal. The file itself is checked by checkLogo. */
export const logoSchema = z.object({ intent: saveOrRemove });

/** The home page's photo: its text alternative ("" : decorative), or removal. The file itself is checked by prepareHero. */
export const heroSchema = z.object({
  intent: saveOrRemove,
  heroAlt: z.string().overwrite(stripControl).trim().max(200, "tooLong").default("").transform((s) => s || null),
});

/** Replaces the home page's photo (already prepared), or only its text alternative when `images` is null. */
export async function saveTownHero(tenant: { id: string; slug: string }, actorId: string, images: { large: Uint8Array<ArrayBuffer>; small: Uint8Array<ArrayBuffer> } | null, heroAlt: string | null) {
  const photo = images ? { heroImage: images.large, heroImageSmall: images.small, heroUpdatedAt: new Date() } : {};
  await forTenant(tenant.id).tenant.update({ where: { id: tenant.id }, data: { ...photo, heroAlt } });
  await writeAudit(tenant, { actorId, action: "settings.hero", subjectType: "Tenant", subjectId: tenant.id, details: { replaced: !!images } });
  invalidateTenant(tenant);
}

export async function removeTownHero(tenant: { id: string; slug: string }, actorId: string) {
  await forTenant(tenant.id).tenant.update({ where: { id: tenant.id }, data: { heroImage: null, heroImageSmall: null, heroAlt: null, heroUpdatedAt: null } });
  await writeAudit(tenant, { actorId, action: "settings.hero", subjectType: "Tenant", subjectId: tenant.id, details: { removed: true } });
  invalidateTenant(tenant);
}

/** One width of the town's home-page photo (WebP), or null. */
export async function townHero(tenant: { id: string }, size: HeroSize): Promise<{ bytes: Uint8Array; updatedAt: Date } | null> {
  const row = await prisma.tenant.findUnique({ where: { id: tenant.id }, select: { heroImage: size === "large", heroImageSmall: size === "small", heroUpdatedAt: true } });
  const bytes = size === "large" ? row?.heroImage : row?.heroImageSmall;
  return bytes && row?.heroUpdatedAt ? { bytes, updatedAt: row.heroUpdatedAt } : null;
}

/** The town's uploaded logo (bytes and type checked on upload) and the URL that names its version, or null. */
export async function townLogo(tenant: { id: string }): Promise<{ logo: Uint8Array; logoType: string; logoUrl: string | null } | null> {
  const row = await prisma.tenant.findUnique({ where: { id: tenant.id }, select: { logo: true, logoType: true, logoUrl: true } });
  return row?.logo && row.logoType ? { logo: row.logo, logoType: row.logoType, logoUrl: row.logoUrl } : null;
}

/** The header's logo: replaced by an upload (checked by checkLogo) under a new URL, or removed (the town's initial again). */
export async function saveTownLogo(tenant: { id: string; slug: string }, actorId: string, upload: { bytes: Uint8Array<ArrayBuffer>; type: string } | null) {
  const data = upload ? { logo: upload.bytes, logoType: upload.type, logoUrl: logoUrlFor(new Date()) } : { logo: null, logoType: null, logoUrl: null };
  await forTenant(tenant.id).tenant.update({ where: { id: tenant.id }, data });
  await writeAudit(tenant, { actorId, action: "settings.logo", subjectType: "Tenant", subjectId: tenant.id, details: upload ? { replaced: true, type: upload.type } : { removed: true } });
  invalidateTenant(tenant);
}
