import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import { Plan, TenantStatus } from "@/generated/prisma/enums";
import { listParamsSchema } from "@/lib/lists/params";

// Field errors are translation keys: `reason` and `plan` use `form.errors`;
// `days` uses `platform.errors`, as `form.errors` has no range message.

export const TENANT_STATUSES = Object.values(TenantStatus);
export const PLANS = Object.values(Plan);
export const MAX_TRIAL_EXTENSION_DAYS = 90;

export const TOWN_SORTS = ["name", "created"] as const;

/** The list's GET form and pages (search, sort, cursor, status, plan): anything malformed is ignored rather than an error. */
export const townFilterSchema = listParamsSchema(TOWN_SORTS, "name", "asc").extend({
  status: z.enum(TENANT_STATUSES).optional().catch(undefined),
  plan: z.enum(PLANS).optional().catch(undefined),
});
export type TownFilter = Partial<z.output<typeof townFilterSchema>>;

// The reason is shown on the town's public pages and in e-mails: one line, no control characters.
export const suspendSchema = z.object({
  reason: z
    .string({ error: "required" })
    .transform((s) => stripControl(s).replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "required").min(3, "tooShort").max(300, "tooLong")),
});

export type SuspendInput = z.output<typeof suspendSchema>;

export const planSchema = z.object({
  plan: z.enum(PLANS, { error: "invalidChoice" }),
});
export type PlanInput = z.output<typeof planSchema>;

export const trialSchema = z.object({
  days: z
    .string({ error: "daysRange" })
    .trim()
    .regex(/^\d{1,3}$/, "daysRange")
    .transform(Number)
    .pipe(z.number().int().min(1, "daysRange").max(MAX_TRIAL_EXTENSION_DAYS, "daysRange")),
});
export type TrialInput = z.output<typeof trialSchema>;

/** What the town page confirms after an action (`?done=`); "unchanged" when the town already was in that state. */
export const DONE_NOTICES = ["suspended", "reactivated", "plan", "trial", "unchanged"] as const;
export type DoneNotice = (typeof DONE_NOTICES)[number];
export const doneSchema = z.enum(DONE_NOTICES).optional().catch(undefined);
