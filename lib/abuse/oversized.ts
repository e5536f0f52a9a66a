/** Next.js's own limit for server-action bodies (serverActions.bodySizeLimit, 1 MB). */
export const MAX_FORM_POST_BYTES = 1024 * 1024;

/**
 * A form post (server action) over the limit. Next.js answers those with a
 * 500; the proxy refuses them first, as what they are. Route handlers under
 * /api read their own bodies.
 */
export function isOversizedFormPost(method: string, path: string, headers: Headers): boolean {
  if (method !== "POST" || path.startsWith("/api/")) return false;
  return Number(headers.get("content-length")) > MAX_FORM_POST_BYTES;
}
