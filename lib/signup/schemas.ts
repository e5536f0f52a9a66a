import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { findPostcode, normalisePostcode, postcodeList } from "@/lib/areas/postcodes";
import { POSTCODE_PATTERN } from "@/lib/areas/schemas";
import { asCountry, COUNTRIES, defaultTimeZone, TIME_ZONES, type Country } from "@/lib/locale/country";
import { normalizePhone } from "@/lib/phone/normalize";
import { brandReadable } from "@/lib/signup/contrast";
import { RESERVED_SUBDOMAINS, SLUG_PATTERN } from "@/lib/tenancy/parse-host";

// One schema per wizard step; messages are translation keys under `form.errors`.

/** A town's country, and its time zone ("" or absent: the country's). */
export const placeFields = {
  country: z.enum(COUNTRIES, { error: "invalidChoice" }),
  timeZone: z.enum([...TIME_ZONES, ""], { error: "invalidChoice" }).optional(),
};

/** Fills in the country's zone when none was chosen. */
const withZone = <T extends { country: string; timeZone?: string }>(v: T) => ({ ...v, timeZone: v.timeZone || defaultTimeZone(v.country) });

export const municipalitySchema = z.object({
  name: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(80, "tooLong"),
  ...placeFields,
  population: z.coerce.number({ error: "invalidNumber" }).int("invalidNumber").min(100, "invalidNumber").max(10_000_000, "invalidNumber"),
  contactName: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(100, "tooLong"),
  contactEmail: z.email("invalidEmail").max(254, "tooLong"),
}).transform(withZone);

export const subdomainSchema = z.object({
  slug: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .regex(SLUG_PATTERN, "invalidSlug")
    .refine((s) => !RESERVED_SUBDOMAINS.has(s), "reservedSlug"),
});

/** A town's public face: shared by the sign-up wizard and the town settings. */
export const brandFields = {
  primaryColor: z.string({ error: "required" }).regex(/^#[0-9a-fA-F]{6}$/, "invalidColour").transform((c) => c.toLowerCase()),
  // Read as written in the town's country: see withBrandRules.
  phone: z.string({ error: "required" }).overwrite(stripControl).trim().min(1, "required"),
  email: z.string().trim().toLowerCase().optional().transform((s) => s || undefined).pipe(z.email("invalidEmail").max(254, "tooLong").optional()),
  locales: z.array(z.enum(LOCALES, { error: "invalidChoice" })).min(1, "chooseOne"),
  defaultLocale: z.enum(LOCALES, { error: "invalidChoice" }),
};

type Brand = { primaryColor: string; locales: string[]; defaultLocale: string; phone: string; country?: string };

/**
 * White text on the brand colour must be readable; the default language must
 * be offered; the phone number is read as written in the town's country (the
 * form's own `country`, or the one given) and kept in E.164.
 */
export function withBrandRules<T extends z.ZodType<Brand>>(schema: T) {
  return schema
    .refine((b) => brandReadable(b.primaryColor), { path: ["primaryColor"], message: "lowContrast" })
    .refine((b) => b.locales.includes(b.defaultLocale), { path: ["defaultLocale"], message: "defaultNotEnabled" })
    .transform((b, ctx) => {
      const phone = normalizePhone(b.phone, asCountry(b.country));
      if (!phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "invalidPhone" });
      return { ...b, phone: phone ?? "" };
    });
}

/** The wizard's branding step; `country` is the one chosen on the first step (the action passes it). */
export const brandingSchema = withBrandRules(z.object({ ...brandFields, country: placeFields.country.default("BE") }));

export const adminSchema = z.object({
  adminName: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(100, "tooLong"),
  adminEmail: z.email("invalidEmail").max(254, "tooLong").transform((e) => e.toLowerCase()),
});

export const planSchema = z.object({
  plan: z.enum(["FREE", "PAID"], { error: "invalidChoice" }),
  // The platform terms and the data processing agreement, accepted on the town's behalf.
  acceptTerms: z.literal("on", { error: "termsRequired" }),
});

export type CategoryDraft = { key: string; labels: Partial<Record<Locale, string>> };
export type AreaDraft = { name: string; postcode: string; latitude?: number; longitude?: number };

export type SignupData = {
  municipality?: z.infer<typeof municipalitySchema>;
  subdomain?: z.infer<typeof subdomainSchema>;
  branding?: Omit<z.infer<typeof brandingSchema>, "country"> & { logo?: { type: string; base64: string } };
  categories?: CategoryDraft[];
  areas?: AreaDraft[];
  admin?: z.infer<typeof adminSchema>;
  /** What was typed on each step, saved on "back" so nothing is lost. */
  raw?: Record<string, Record<string, string>>;
};

export const STEPS = ["municipality", "subdomain", "branding", "categories", "areas", "admin", "plan"] as const;
export type Step = (typeof STEPS)[number];
/** The step a wizard form is bound to: bound in the page, but forgeable (anything else is a 404). */
export const stepSchema = z.enum(STEPS);

/**
 * Areas, one per line: "postcode" or "postcode; name". Coordinates come from
 * the country's shipped postcode list (lib/areas/postcodes.ts), never typed;
 * the name defaults to the list's place name. A country without a list keeps
 * areas without coordinates (points are then chosen on the settings' map).
 * Errors name the line ("invalidAreaLine:3", "unknownPostcodeLine:3").
 */
export function parseAreas(text: string, country: Country): { areas: AreaDraft[] } | { error: string } {
  const areas: AreaDraft[] = [];
  const lines = text.split(/\r?\n/).slice(0, 501);
  if (lines.length > 500) return { error: "tooManyLines" };
  const listed = postcodeList(country).length > 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [code, name, ...rest] = line.split(/\s*[;\t]\s*/);
    if (rest.length > 0 || !code || !POSTCODE_PATTERN.test(code) || (name !== undefined && (!name || name.length > 80))) return { error: `invalidAreaLine:${i + 1}` };
    const postcode = normalisePostcode(country, code);
    const entry = findPostcode(country, postcode);
    if (listed && !entry) return { error: `unknownPostcodeLine:${i + 1}` };
    const place = name ?? entry?.place;
    if (!place) return { error: `invalidAreaLine:${i + 1}` };
    areas.push({ postcode, name: place, ...(entry && { latitude: entry.latitude, longitude: entry.longitude }) });
  }
  return { areas };
}
