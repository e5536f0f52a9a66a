import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { normalizePhone } from "@/lib/phone/normalize";
import { SKILLS, SLOTS, SPOKEN_LANGUAGES } from "@/lib/volunteers/options";

// Error messages are translation keys under `form.errors`.

const list = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z.array(z.enum(values, { error: "invalidChoice" })).max(max, "invalidChoice").default([]);

export const volunteerProfileSchema = z.object({
  name: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(100, "tooLong"),
  phone: z.string({ error: "required" }).transform((s, ctx) => {
    const n = normalizePhone(s);
    if (!n) {
      ctx.addIssue({ code: "custom", message: s.trim() ? "invalidPhone" : "required" });
      return z.NEVER;
    }
    return n;
  }),
  postcode: z.string({ error: "required" }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/, "invalidPostcode"),
  maxDistanceKm: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(50, "invalidChoice"),
  categoryIds: z.array(z.string().overwrite(stripControl).max(40, "invalidChoice")).max(50, "invalidChoice").default([]),
  languages: list(SPOKEN_LANGUAGES, SPOKEN_LANGUAGES.length).refine((l) => l.length > 0, "chooseOne"),
  availability: list(SLOTS as unknown as [string, ...string[]], SLOTS.length),
  skills: list(SKILLS, SKILLS.length),
  codeOfConduct: z.literal("on", { error: "codeOfConductRequired" }),
});

export type VolunteerProfileInput = z.infer<typeof volunteerProfileSchema>;

/** FormData → plain object with arrays for the multi-value fields. */
export function profileFormObject(formData: FormData): Record<string, unknown> {
  const multi = ["categoryIds", "languages", "availability", "skills"];
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = multi.includes(key) ? values : values[0];
  }
  return out;
}

export const responseSchema = z.object({ message: z.string().overwrite(stripControl).trim().max(500, "tooLong").optional().transform((s) => s || undefined) });
export const feedbackSchema = z.object({
  feedback: z.string().overwrite(stripControl).trim().max(1000, "tooLong").optional().transform((s) => s || undefined),
  problem: z.union([z.literal("on"), z.undefined()], { error: "invalidChoice" }).transform((v) => v === "on"),
});
export const vacancySchema = z.object({
  title: z.string({ error: "required" }).overwrite(stripControl).trim().min(5, "tooShort").max(120, "tooLong"),
  description: z.string({ error: "required" }).overwrite(stripControl).trim().min(10, "tooShort").max(2000, "tooLong"),
  places: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(500, "invalidChoice"),
  skills: list(SKILLS, SKILLS.length),
});
export const organisationSchema = z.object({
  name: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(120, "tooLong"),
  description: z.string().overwrite(stripControl).trim().max(1000, "tooLong").default(""),
});
