import { z } from "zod";

// Error messages are translation keys under `form.errors`.
/** Hours and minutes as typed ("1.5" or "1,5" hours); a visit count; the day it happened. */
export const helpLogSchema = z.object({
  hours: z.string({ error: "required" }).trim().min(1, "required").transform((s) => Number(s.replace(",", ".")))
    .pipe(z.number({ error: "invalidNumber" }).finite("invalidNumber").min(0.25, "invalidNumber").max(24, "invalidNumber")),
  visits: z.string().optional().transform((s) => (s?.trim() ? Number(s.trim()) : 1))
    .pipe(z.number({ error: "invalidNumber" }).int("invalidNumber").min(1, "invalidNumber").max(50, "invalidNumber")),
  day: z.iso.date({ error: "invalidDate" }),
});
export type HelpLogInput = z.infer<typeof helpLogSchema>;

export const helpDecisionSchema = z.object({ decision: z.enum(["confirm", "reject"], { error: "invalidChoice" }) });
