import { z } from "zod";
import { normalizePhone } from "@/lib/phone/normalize";

// Error messages are translation keys under `form.errors`.

/** How the town finds a resident's requests: the phone number (E.164, as stored) or e-mail address they gave. */
export type ResidentKey = { phone: string } | { email: string };

/** One field for either: an "@" means an e-mail address, anything else must be a valid phone number. */
export const residentKeySchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "tooLong")
  .transform((raw, ctx): ResidentKey => {
    if (raw.includes("@")) {
      const email = z.email().safeParse(raw.toLowerCase());
      if (email.success) return { email: email.data };
    } else {
      const phone = normalizePhone(raw);
      if (phone) return { phone };
    }
    ctx.addIssue({ code: "custom", message: "invalidContact" });
    return z.NEVER;
  });

const ticked = (error: string) => z.literal("on", { error });

export const residentLookupSchema = z.object({ contact: residentKeySchema });

/** Export and erasure both need the coordinator's word that they checked who is asking, by phone. */
export const residentExportSchema = z.object({
  contact: residentKeySchema,
  identityVerified: ticked("identityCheckRequired"),
});

export const residentEraseSchema = residentExportSchema.extend({ confirm: ticked("confirmRequired") });
