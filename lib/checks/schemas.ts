import { z } from "zod";
import { CHECK_KINDS, STAFF_CONFIRMED } from "@/lib/checks/kinds";
import { stripControl } from "@/lib/forms/text";

const text = (max: number) => z.string().overwrite(stripControl).trim().max(max, "tooLong").default("");

/** The checks a category or a vacancy needs (checkbox group): none is a valid choice. */
export const requiredChecksSchema = z.object({
  kinds: z.array(z.enum(CHECK_KINDS, { error: "invalidChoice" })).max(CHECK_KINDS.length, "invalidChoice").transform((k) => [...new Set(k)]),
});
export const requiredChecksFields = (formData: FormData) => ({ kinds: formData.getAll("kinds") });

/** One kind's terms: validity in months (1 to 10 years), the extract's name or the training's title, the training's text. */
export const checkTermsSchema = z.object({
  kind: z.enum(CHECK_KINDS, { error: "invalidChoice" }),
  validMonths: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(120, "invalidChoice"),
  name: text(120),
  text: text(10_000),
});

/** Staff confirm a check they saw, with a short note (never the document). */
export const confirmCheckSchema = z.object({
  kind: z.enum(STAFF_CONFIRMED, { error: "invalidChoice" }),
  note: text(300),
});
