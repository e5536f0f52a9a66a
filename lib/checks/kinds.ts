// Plain values (the settings and staff forms in the browser use them too); the SQL filter is in lib/checks/sql.ts.
import type { CheckKind } from "@/generated/prisma/enums";

export type { CheckKind };

/** Every kind of check a town can ask for, in the order pages list them. */
export const CHECK_KINDS = ["IDENTITY", "RECORD_EXTRACT", "TRAINING", "REFERENCE"] as const satisfies readonly CheckKind[];

/** Kinds staff confirm on the volunteer's staff page (they saw the person, the extract, the reference). */
export const STAFF_CONFIRMED = ["IDENTITY", "RECORD_EXTRACT", "REFERENCE"] as const satisfies readonly CheckKind[];

/** Required kinds without a valid confirmation among `valid`. */
export const missingChecks = (required: readonly CheckKind[], valid: ReadonlySet<CheckKind>): CheckKind[] =>
  CHECK_KINDS.filter((k) => required.includes(k) && !valid.has(k));
