import { z } from "zod";
import { stripControl } from "@/lib/forms/text";

// Error messages are translation keys under `form.errors`.

/** An invitation link's token as it comes back bound to the form: its exact shape, else a 404 (the message is never shown). */
export const invitationTokenSchema = z.string({ error: "invalidChoice" }).max(120, "invalidChoice").regex(/^[A-Za-z0-9_-]{1,64}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/, "invalidChoice");

/** An imported volunteer confirms: the code of conduct and the town's privacy statement, each ticked. */
export const acceptInvitationSchema = z.object({
  codeOfConduct: z.literal("on", { error: "codeOfConductRequired" }),
  privacy: z.literal("on", { error: "consentRequired" }),
});

/** The uploaded file's name as the audit log and the job page show it (the file itself is read by lib/imports/parse.ts). */
export const importFileNameSchema = z.string({ error: "required" }).overwrite(stripControl).trim().max(200, "tooLong");
