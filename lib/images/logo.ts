import { imageTypeOf } from "@/lib/images/type";

// A town's logo, shown in its header on every page. Kept as uploaded (small,
// type checked by its bytes) in the database and served from /logo under a
// versioned URL, so a replaced logo shows at once and an unchanged one is
// never fetched twice.

/** The largest logo accepted, in the wizard and in the settings. */
export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoError = "logoType" | "logoTooLarge";

/** Logos: PNG, JPEG or WebP up to 512 KB, recognised by their first bytes (not the file name). */
export function checkLogo(bytes: Uint8Array): { type: string } | { error: LogoError } {
  if (bytes.length > LOGO_MAX_BYTES) return { error: "logoTooLarge" };
  const type = imageTypeOf(bytes);
  return type ? { type } : { error: "logoType" };
}

/** The URL the header shows: a new upload gets a new one. */
export function logoUrlFor(uploadedAt: Date): string {
  return `/logo?v=${uploadedAt.getTime().toString(36)}`;
}

/** Whether `version` is the one in the town's current logo URL (that answer may be cached for a year). */
export function isCurrentLogo(logoUrl: string | null, version: string | null): boolean {
  return !!version && logoUrl === `/logo?v=${version}`;
}
