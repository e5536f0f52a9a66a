import { z } from "zod";
import { parseDay } from "@/lib/dates/zoned";
import { DAYS, PARTS } from "@/lib/when/slots";
import { WHEN_KINDS, type Day, type Part, type When } from "@/lib/when/when";

// Reading the "when" fields of a form, on the server (zod stays out of the browser's bundle).

const blank = (s: string | undefined) => (s ?? "").trim();

const whenFormFields = z.object({
  whenKind: z.enum(WHEN_KINDS, { error: "invalidChoice" }).default("ASAP"),
  whenDate: z.string().optional().transform(blank),
  whenWeekday: z.string().optional().transform(blank),
  whenPart: z.string().optional().transform(blank),
});

/** The form's fields → a When; errors are translation keys under `form.errors`, on the field to correct. */
function buildWhen(f: z.output<typeof whenFormFields>, ctx: z.RefinementCtx): When {
  const part = f.whenPart === "" ? null : (PARTS as readonly string[]).includes(f.whenPart) ? (f.whenPart as Part) : undefined;
  if (part === undefined) ctx.addIssue({ code: "custom", path: ["whenPart"], message: "invalidChoice" });
  if (f.whenKind === "DATE" && !parseDay(f.whenDate)) {
    ctx.addIssue({ code: "custom", path: ["whenDate"], message: f.whenDate ? "invalidDate" : "whenDateRequired" });
  }
  if (f.whenKind === "WEEKDAY" && !(DAYS as readonly string[]).includes(f.whenWeekday)) {
    ctx.addIssue({ code: "custom", path: ["whenWeekday"], message: f.whenWeekday ? "invalidChoice" : "whenWeekdayRequired" });
  }
  if (f.whenKind === "DATE") return { kind: "DATE", date: f.whenDate, part: part ?? null };
  if (f.whenKind === "WEEKDAY") return { kind: "WEEKDAY", weekday: f.whenWeekday as Day, part: part ?? null };
  return { kind: "ASAP" };
}

export const whenFormSchema = whenFormFields.transform(buildWhen);

/** A form's fields plus the when fields; the output carries `when` in their place. */
export function withWhen<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...shape, ...whenFormFields.shape }).transform((all, ctx) => {
    const { whenKind, whenDate, whenWeekday, whenPart, ...rest } = all as z.output<z.ZodObject<S>> & z.output<typeof whenFormFields>;
    return { ...(rest as z.output<z.ZodObject<S>>), when: buildWhen({ whenKind, whenDate, whenWeekday, whenPart }, ctx) };
  });
}
