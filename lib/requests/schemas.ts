import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { normalizePhone } from "@/lib/phone/normalize";
import { asCountry, COUNTRIES } from "@/lib/locale/country";
import { CONTACT_METHODS } from "@/lib/requests/contact-methods";
import { withWhen } from "@/lib/when/when-schema";
import { listParamsSchema } from "@/lib/lists/params";

// Error messages are translation keys under `form.errors`.

/** Trimmed text without control characters (newlines allowed), within bounds. */
const text = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .transform((s) => stripControl(s).trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => stripControl(s ?? "").trim())
    .pipe(z.string().max(max, "tooLong"))
    .transform((s) => s || undefined);

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.undefined(), z.null()], { error: "invalidChoice" })
  .transform((v) => v === "on" || v === "true");

/** The phone number in E.164, as `byCountry` has read it; anything else was not a valid number. */
const phone = z
  .string()
  .optional()
  .transform((s) => stripControl(s ?? "").trim() || undefined)
  .refine((s) => s === undefined || (s.startsWith("+") && normalizePhone(s) === s), "invalidPhone");

/** The town's country: set by the action from the tenant, never taken from the form. */
const country = z.enum(COUNTRIES, { error: "invalidChoice" }).default("BE");

/**
 * Reads the phone number as people in the town's country write it (or
 * internationally) before the fields are checked, so a wrong number is
 * reported together with every other mistake, not only once the rest is right.
 */
function byCountry(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || typeof (raw as { phone?: unknown }).phone !== "string") return raw;
  const v = raw as { phone: string; country?: string };
  const typed = stripControl(v.phone).trim();
  return { ...v, phone: (typed && normalizePhone(typed, asCountry(v.country))) || typed };
}

const email = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim().toLowerCase() || undefined)
  .pipe(z.email("invalidEmail").max(254, "tooLong").optional());

const postcode = z
  .string({ error: "required" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/, "invalidPostcode");

export const URGENCIES = ["LOW", "NORMAL", "HIGH"] as const;
export const AGE_GROUPS = ["UNKNOWN", "UNDER_65", "FROM_65_TO_79", "OVER_80"] as const;
export const RECURRENCES = ["NONE", "WEEKLY", "BIWEEKLY", "MONTHLY"] as const;
export const STATUSES = ["NEW", "OPEN", "MATCHED", "DONE", "CANCELLED"] as const;
export const SOURCES = ["ONLINE", "PHONE", "REFERRAL"] as const;

const base = {
  categoryId: z.string({ error: "required" }).overwrite(stripControl).min(1, "required").max(40, "invalidChoice"),
  description: text(10, 2000),
  // The resident's own words about the time: a note beside the structured when.
  timeWindow: optionalText(200).transform((s) => s ?? ""),
  neighbourhood: optionalText(100),
  postcode,
  name: text(2, 100),
  phone,
  country,
  email,
  address: optionalText(200),
  contactMethod: z.enum(CONTACT_METHODS, { error: "invalidChoice" }),
  contactless: checkbox,
  // Texts about the request, to a mobile number: only when ticked (never by default).
  smsConsent: checkbox,
};

/** Whoever answers needs a way back: the chosen contact method must be filled in. */
function contactReachable<T extends { contactMethod: string; phone?: string; email?: string }>(v: T, ctx: z.RefinementCtx) {
  if ((v.contactMethod === "PHONE" || v.contactMethod === "WHATSAPP") && !v.phone) {
    ctx.addIssue({ code: "custom", path: ["phone"], message: "phoneRequired" });
  }
  if (v.contactMethod === "EMAIL" && !v.email) {
    ctx.addIssue({ code: "custom", path: ["email"], message: "emailRequired" });
  }
}

/** A resident's own request on the town's site. */
export const onlineRequestSchema = z.preprocess(byCountry, withWhen({
    ...base,
    consent: z.literal("on", { error: "consentRequired" }),
    // "Every week": the resident's only recurrence; staff can choose others.
    recurrence: checkbox.transform((weekly) => (weekly ? ("WEEKLY" as const) : ("NONE" as const))),
  })).superRefine(contactReachable);

/** A request registered by city staff during a phone call. */
export const phoneRequestSchema = z.preprocess(byCountry, withWhen({
    ...base,
    consentByPhone: z.literal("on", { error: "consentRequired" }),
    consentNote: optionalText(300),
    urgency: z.enum(URGENCIES, { error: "invalidChoice" }).default("NORMAL"),
    ageGroup: z.enum(AGE_GROUPS, { error: "invalidChoice" }).default("UNKNOWN"),
    recurrence: z.enum(RECURRENCES, { error: "invalidChoice" }).default("NONE"),
  })).superRefine(contactReachable);

export type OnlineRequestInput = z.infer<typeof onlineRequestSchema>;
export type PhoneRequestInput = z.infer<typeof phoneRequestSchema>;

export const publishSchema = z.object({ publicSummary: text(10, 300) });
export const noteSchema = z.object({ body: text(1, 2000) });
export const statusSchema = z.object({ status: z.enum(STATUSES, { error: "invalidChoice" }) });
/** Staff correct a request's urgency, age group, recurrence and when (the resident's note stays theirs). */
export const triageSchema = withWhen({
  urgency: z.enum(URGENCIES, { error: "invalidChoice" }),
  ageGroup: z.enum(AGE_GROUPS, { error: "invalidChoice" }),
  recurrence: z.enum(RECURRENCES, { error: "invalidChoice" }),
});

/** Queue filters from the query string; anything unknown is ignored, never an error. */
export const queueFilterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  categoryId: z.string().overwrite(stripControl).max(40).optional().catch(undefined),
  neighbourhood: z.string().overwrite(stripControl).max(100).optional().catch(undefined),
  urgency: z.enum(URGENCIES).optional().catch(undefined),
  ageGroup: z.enum(AGE_GROUPS).optional().catch(undefined),
  source: z.enum(SOURCES).optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** The queue's sorts; by default the most urgent first, newest first within an urgency. */
export const QUEUE_SORTS = ["urgency", "created", "reference", "status"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const queueListSchema = listParamsSchema(QUEUE_SORTS, "urgency", "desc");
export type QueueList = z.infer<typeof queueListSchema>;
