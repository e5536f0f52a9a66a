import { notFound } from "next/navigation";
import { z } from "zod";

/** An id as it arrives in a URL or a bound action argument: a short plain string, nothing else. */
export const idSchema = z.string().min(1).max(40).regex(/^[^\u0000-\u001F\u007F]+$/).refine((id) => id.isWellFormed());

/**
 * The id bound to a server action (`action.bind(null, id)`). Bound arguments
 * travel through the client and can be forged: a number, an object or
 * megabytes of text is a 404, not a database error.
 */
export function boundId(value: unknown): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * The form an action receives. Its arguments come from the client in order,
 * so a forger can put anything where the form goes (a string, one argument
 * too many in front): that is a 404, like a forged id, not a TypeError.
 */
export function assertForm(value: unknown): asserts value is FormData {
  if (!(value instanceof FormData)) notFound();
}
