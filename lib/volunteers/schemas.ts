import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { normalizePhone } from "@/lib/phone/normalize";
import { SKILLS, SPOKEN_LANGUAGES } from "@/lib/matching/criteria";
import { SLOTS } from "@/lib/when/slots";
import { choices } from "@/lib/matching/schemas";

// Error messages are translation keys under `form.errors`.

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
  languages: choices(SPOKEN_LANGUAGES, SPOKEN_LANGUAGES.length).refine((l) => l.length > 0, "chooseOne"),
  availability: choices(SLOTS as unknown as [string, ...string[]], SLOTS.length),
  skills: choices(SKILLS, SKILLS.length),
  codeOfConduct: z.literal("on", { error: "codeOfConductRequired" }),
});

export type VolunteerProfileInput = z.infer<typeof volunteerProfileSchema>;

/** The 6-digit code from the text message; spaces as people type them ("482 913") are ignored. */
export const phoneCodeSchema = z.object({
  code: z.string({ error: "invalidCode" }).transform((s) => s.replace(/\s+/g, "")).pipe(z.string().regex(/^\d{6}$/, "invalidCode")),
});
