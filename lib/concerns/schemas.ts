import { z } from "zod";
import { stripControl } from "@/lib/forms/text";

// Error messages are translation keys under `form.errors`.
const text = (min: number, max: number) =>
  z.string({ error: "required" }).transform((s) => stripControl(s).trim()).pipe(z.string().min(min, min <= 1 ? "required" : "tooShort").max(max, "tooLong"));
const optionalText = (max: number) =>
  z.string().optional().transform((s) => stripControl(s ?? "").trim()).pipe(z.string().max(max, "tooLong"));
// An id as the app's rows have them (cuids, and the seeds' and imports' readable ids): never a dot, which splits a link.
const ID = "[A-Za-z0-9_-]{1,40}";
const optionalId = z.string().optional().transform((s) => s || undefined).pipe(z.string().regex(new RegExp(`^${ID}$`), "invalidChoice").optional());
const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal(""), z.undefined()], { error: "invalidChoice" }).transform((v) => v === "on" || v === "true");

/** What anyone raising a concern writes: who or what it is about, and the worry. */
const base = { about: text(2, 200), body: text(10, 4000) };

/** Staff taking a resident's call: how to reach the caller, and the volunteer it names, when it is about one. */
export const phoneConcernSchema = z.object({ ...base, contact: optionalText(200), volunteerId: optionalId });
/** A resident through their request's link: optionally about the volunteer who was sent, and how to call them back. */
export const linkConcernSchema = z.object({ ...base, contact: optionalText(200), aboutVolunteer: checkbox });
/** A volunteer or a partner, signed in: optionally about one of the volunteer's own requests. */
export const memberConcernSchema = z.object({ ...base, requestId: optionalId });

export const CONCERN_STATUSES = ["NEW", "IN_PROGRESS", "CLOSED"] as const;
export const concernStatusSchema = z.object({ status: z.enum(CONCERN_STATUSES, { error: "invalidChoice" }) });
export const concernNoteSchema = z.object({ body: text(1, 4000) });
// A day from 2000 on: PostgreSQL has no year 0, and an earlier deadline is a typing error.
export const concernDeadlineSchema = z.object({ deadline: z.iso.date({ error: "invalidDate" }).refine((day) => day >= "2000-01-01", "invalidDate") });

/** A resident's private concern link: the request id and its signature. */
export const CONCERN_LINK = new RegExp(`^(${ID})\\.([A-Za-z0-9_-]{22})$`);
export const concernLinkSchema = z.string().regex(CONCERN_LINK);
/** A request's id, or none (a concern not about one request). */
export const requestIdOrNoneSchema = z.string().regex(new RegExp(`^(${ID})?$`));
