import type { z } from "zod";
import { stripControl } from "@/lib/forms/text";

/**
 * What a form action returns: the values as typed (so nothing is lost on an
 * error) and, per field, a translation key under `form.errors`.
 */
export type FormState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
};

export const emptyForm: FormState = { values: {}, errors: {} };

const ECHO_LIMIT = 10_000; // enough for any real answer, without reflecting megabytes

/**
 * The submitted text fields; a field sent several times (checkbox groups) is
 * joined with commas. Control characters are dropped: the values are echoed
 * back and some are stored as typed (the sign-up draft), where NUL breaks PostgreSQL.
 */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    const key = stripControl(name);
    const text = stripControl(value.slice(0, ECHO_LIMIT));
    values[key] = Object.hasOwn(values, key) ? `${values[key]},${text}` : text;
  }
  return values;
}

/** The first problem of each field, keyed by field name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return errors;
}
