import { z } from "zod";

/** The sign-in form: one e-mail address (any failure is shown as "invalidEmail"). */
export const signInSchema = z.object({ email: z.email().max(254) });
