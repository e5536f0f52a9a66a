import { z } from "zod";
import { TOKEN_PATTERN } from "@/lib/alerts/token";

/** An alert link's token as it comes back bound to the form: its exact shape, else a 404 (the message is never shown). */
export const alertTokenSchema = z.string({ error: "invalidChoice" }).regex(TOKEN_PATTERN, "invalidChoice");
