import { z } from "zod";
import { idSchema } from "@/lib/forms/bound";
import { stripControl } from "@/lib/forms/text";

/** How many offers a request accepts before it leaves the volunteers' list. */
export const capSchema = z.object({ maxResponses: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(50, "invalidChoice") });

/** The volunteers a coordinator picks (checkbox group): malformed ids are dropped, at most 20. */
export const assignSchema = z.object({
  volunteerIds: z.array(z.unknown()).transform((ids) => ids.filter((v): v is string => idSchema.safeParse(v).success).slice(0, 20)),
});
export const assignFields = (formData: FormData) => ({ volunteerIds: formData.getAll("volunteerIds") });

/** A multiple choice among the matching criteria (skills, languages, slots); error messages are translation keys. */
export const choices = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z.array(z.enum(values, { error: "invalidChoice" })).max(max, "invalidChoice").default([]);

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

/** A volunteer's offer of help on a request, and feedback after an assignment. */
export const responseSchema = z.object({ message: z.string().overwrite(stripControl).trim().max(500, "tooLong").optional().transform((s) => s || undefined) });
export const feedbackSchema = z.object({
  feedback: z.string().overwrite(stripControl).trim().max(1000, "tooLong").optional().transform((s) => s || undefined),
  problem: z.union([z.literal("on"), z.undefined()], { error: "invalidChoice" }).transform((v) => v === "on"),
});
