import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { URGENCIES } from "@/lib/requests/schemas";

// Error messages are translation keys under `form.errors`.

/** At most this many items per bulk action: a page of a list, or a few, never a whole town by accident. */
export const BULK_LIMIT = 500;

/** The form a list's checkboxes belong to (`<input form="bulk-requests">`): the table stays independent of the bar. */
export const BULK_FORMS = { requests: "bulk-requests", volunteers: "bulk-volunteers" } as const;

export const REQUEST_BULK_OPS = ["publish", "done", "cancel", "urgency", "assign"] as const;
export type RequestBulkOp = (typeof REQUEST_BULK_OPS)[number];

/** The ticked ids, each once; ids are checked against the town by the action, this only bounds them. */
const selection = z
  .array(z.string({ error: "invalidChoice" }).overwrite(stripControl).max(40, "invalidChoice"), { error: "invalidChoice" })
  .transform((ids) => [...new Set(ids.filter(Boolean))])
  .pipe(z.array(z.string()).min(1, "chooseOne").max(BULK_LIMIT, "tooManySelected"));

/** First the review ("what will happen to how many"), then the same selection confirmed. */
const confirmed = z.boolean({ error: "invalidChoice" });

export const bulkRequestSchema = z
  .object({
    op: z.enum(REQUEST_BULK_OPS, { error: "invalidChoice" }),
    urgency: z.enum(URGENCIES, { error: "invalidChoice" }).optional(),
    ids: selection,
    confirmed,
  })
  .superRefine((v, ctx) => {
    if (v.op === "urgency" && !v.urgency) ctx.addIssue({ code: "custom", path: ["urgency"], message: "required" });
  });
export type BulkRequestInput = z.infer<typeof bulkRequestSchema>;

const text = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .transform((s) => stripControl(s).trim())
    .pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));

export const volunteerMessageSchema = z.object({
  subject: text(1, 150),
  body: text(1, 2000),
  ids: selection,
  confirmed,
});
export type VolunteerMessageInput = z.infer<typeof volunteerMessageSchema>;

const strings = (values: FormDataEntryValue[]) => values.filter((v): v is string => typeof v === "string");

/**
 * The selection a bulk form sends: the ticked boxes (which live in the table,
 * tied to the form by their `form` attribute), or every row of the page when
 * "all on this page" is ticked; once confirmed, only the ids the review
 * showed (ticking more boxes after the review changes nothing).
 */
export function selectedIds(formData: FormData): { ids: string[]; confirmed: boolean } {
  if (formData.get("confirmed") === "yes") return { ids: strings(formData.getAll("confirmedIds")), confirmed: true };
  const ticked = strings(formData.getAll("ids"));
  return { ids: formData.get("allOnPage") === "on" ? [...ticked, ...strings(formData.getAll("pageIds"))] : ticked, confirmed: false };
}

export const bulkRequestFields = (formData: FormData, values: Record<string, string>) => ({
  op: values.op, urgency: values.urgency || undefined, ...selectedIds(formData),
});

export const volunteerMessageFields = (formData: FormData, values: Record<string, string>) => ({
  subject: values.subject, body: values.body, ...selectedIds(formData),
});
