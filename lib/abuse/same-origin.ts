/**
 * Server actions and form posts are accepted only from pages of the same site:
 * a town's forms post to that town's host, never another town's or a third
 * party's. Browsers send Origin with every POST; its absence means a script,
 * which has no business posting forms either. Route handlers under /api
 * (webhooks, Auth.js with its own CSRF token) are not forms.
 */
export function isCrossSiteFormPost(method: string, path: string, headers: Headers): boolean {
  if (method !== "POST" || path.startsWith("/api/")) return false;
  const origin = headers.get("origin");
  const host = headers.get("host");
  if (!origin || !host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}
