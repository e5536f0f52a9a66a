/**
 * Server actions and form posts are accepted only from pages of the same site:
 * a town's forms post to that town's host, never another town's or a third
 * party's. Browsers send Origin with every POST; its absence means a script,
 * which has no business posting forms either. The whole origin must match the
 * site's — scheme and port too: an https page is another site than the http
 * one on the same host. Route handlers under /api (webhooks, Auth.js with its
 * own CSRF token) are not forms.
 *
 * `siteOrigin`: the origin of the site the Host names (`originOfMatch`), null for none.
 */
export function isCrossSiteFormPost(method: string, path: string, headers: Headers, siteOrigin: string | null): boolean {
  if (method !== "POST" || path.startsWith("/api/")) return false;
  const origin = headers.get("origin");
  if (!origin || !siteOrigin) return true;
  try {
    return new URL(origin).origin !== new URL(siteOrigin).origin;
  } catch {
    return true;
  }
}
