// How large a form post (a server action) may be. next.config.ts reads this
// module too, so it imports nothing.

/** Next.js's own default for server-action bodies: every form post but the one below. */
export const MAX_FORM_POST_BYTES = 1024 * 1024;

/**
 * The volunteer-list upload: 10,000 rows with realistic fields pass 1 MB, and
 * a list of MAX_IMPORT_ROWS fits well within this. Next.js takes server-action
 * bodies up to it (next.config.ts); the proxy holds every other post to
 * MAX_FORM_POST_BYTES.
 */
export const MAX_IMPORT_POST_BYTES = 10 * 1024 * 1024;

/** A post allowed past MAX_FORM_POST_BYTES: to these pages, for this one action (its module and export, as the build's manifest names it). */
export type LargeFormPost = { pages: RegExp; action: string; limit: number };

/** The import page and a preview's page both carry the upload form. */
export const LARGE_FORM_POSTS: LargeFormPost[] = [
  { pages: /^\/staff\/volunteers\/import(?:\/[\w-]{1,64})?$/, action: "lib/imports/actions.ts#previewImportAction", limit: MAX_IMPORT_POST_BYTES },
];

/** The large post a page takes, if any (the path as the visitor's site names it, before the proxy's rewrite). */
export const largeFormPost = (path: string): LargeFormPost | null => LARGE_FORM_POSTS.find((p) => p.pages.test(path)) ?? null;

/**
 * A form post (server action) over its page's limit by its Content-Length.
 * Next.js answers those with a 500; the proxy refuses them first, as what
 * they are. Route handlers under /api read their own bodies.
 */
export function isOversizedFormPost(method: string, path: string, headers: Headers): boolean {
  if (method !== "POST" || path.startsWith("/api/")) return false;
  return Number(headers.get("content-length")) > (largeFormPost(path)?.limit ?? MAX_FORM_POST_BYTES);
}
