/** The object does not exist in this town (or belongs to another): callers answer 404. */
export class NotFoundInTenant extends Error {
  constructor(what = "object") {
    super(`${what} not found in this town`);
  }
}

/** A state change that is not allowed from the current state; the message is a translation key. */
export class InvalidTransition extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** Input that passed the schema but not the town's data (e.g. a category of another town). */
export class InvalidInput extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("invalid input");
  }
}
