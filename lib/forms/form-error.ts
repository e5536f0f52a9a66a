/**
 * A refusal the person can act on, thrown from an action's body: a key under
 * `form.formErrors` (and, optionally, per-field keys under `form.errors`).
 * The action pipeline returns it as the form's state with everything typed kept.
 */
export class FormError extends Error {
  constructor(readonly key: string | undefined, readonly errors: Record<string, string> = {}) {
    super(key ?? "form error");
  }
}
