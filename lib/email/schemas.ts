import { z } from "zod";
import { stripControl } from "@/lib/forms/text";

/** The admin's "retry" button on a failed e-mail. */
export const retryEmailSchema = z.object({ id: z.string().overwrite(stripControl).min(1).max(40) });
