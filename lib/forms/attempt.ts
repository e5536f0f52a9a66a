import { notFound } from "next/navigation";
import { isDatabaseUnavailable, isOverloaded } from "@/lib/db/errors";
import { FormError } from "@/lib/forms/form-error";
import type { FormState } from "@/lib/forms/state";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";

/**
 * Runs a domain call from a form action and maps its expected failures to form
 * errors or a 404. A database that is briefly away (a restart) is one of them:
 * the form comes back with everything typed, asking to send it again. So does
 * a database too busy to take the work in time (never a server error).
 */
export async function attempt(values: Record<string, string>, fn: () => Promise<unknown>): Promise<FormState | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    if (error instanceof NotFoundInTenant) notFound();
    if (error instanceof InvalidInput) return { values, errors: error.errors };
    if (error instanceof InvalidTransition) return { values, errors: {}, formError: error.key };
    if (error instanceof FormError) return { values, errors: error.errors, formError: error.key };
    if (isDatabaseUnavailable(error)) return { values, errors: {}, formError: "unavailable" };
    if (isOverloaded(error)) return { values, errors: {}, formError: "busy" };
    throw error;
  }
}
