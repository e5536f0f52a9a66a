import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { SKILLS } from "@/lib/matching/criteria";
import { choices } from "@/lib/matching/schemas";

// Error messages are translation keys under `form.errors`.

export const vacancySchema = z.object({
  title: z.string({ error: "required" }).overwrite(stripControl).trim().min(5, "tooShort").max(120, "tooLong"),
  description: z.string({ error: "required" }).overwrite(stripControl).trim().min(10, "tooShort").max(2000, "tooLong"),
  places: z.coerce.number({ error: "invalidChoice" }).int("invalidChoice").min(1, "invalidChoice").max(500, "invalidChoice"),
  skills: choices(SKILLS, SKILLS.length),
});
export const organisationSchema = z.object({
  name: z.string({ error: "required" }).overwrite(stripControl).trim().min(2, "tooShort").max(120, "tooLong"),
  description: z.string().overwrite(stripControl).trim().max(1000, "tooLong").default(""),
});
