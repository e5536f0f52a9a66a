/**
 * False when the browser says a request comes from another site's page (the
 * check Next.js makes for server actions, which route handlers do not get).
 * Another town's subdomain counts as another site. Clients that send neither
 * header are not browsers on someone else's page.
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
