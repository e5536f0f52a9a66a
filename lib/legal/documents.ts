/**
 * The platform's own documents a town accepts at sign-up. A changed text gets
 * a new version (its date), so every acceptance names what was accepted.
 */
export const LEGAL_VERSIONS = { TERMS: "2026-11-30", DPA: "2026-11-30" } as const;
export type LegalDocumentKind = keyof typeof LEGAL_VERSIONS;

/** The accessibility statement's dates: first drawn up, and last reviewed against EN 301 549. */
export const ACCESSIBILITY_PREPARED_ON = "2026-11-30";
export const ACCESSIBILITY_REVIEWED_ON = "2026-11-30";

/** Numbered sections of the apex documents, as in messages `legal.terms` and `legal.dpa`. */
export const TERMS_SECTIONS = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"] as const;
export const DPA_SECTIONS = ["s1", "s2", "s3", "s4", "s5", "s6", "s7"] as const;

/** A document date ("2026-11-30") as a Date at noon UTC, so every time zone shows the same day. */
export function documentDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
