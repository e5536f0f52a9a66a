import { z } from "zod";
import { stripControl } from "@/lib/forms/text";

export const addDomainSchema = z.object({ host: z.string({ error: "required" }).overwrite(stripControl).trim().min(1, "required").max(300, "invalidDomain") });
/** Bound arguments come from the client and can be forged: accept only a plain host string. */
export const hostArgSchema = z.string().overwrite(stripControl).min(1).max(253);
