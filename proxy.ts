import { NextResponse, type NextRequest } from "next/server";
import { malformedFormPost, malformedHeaders, normaliseHost, normaliseOrigin } from "@/lib/abuse/malformed-request";
import { builtActionId } from "@/lib/abuse/action-ids";
import { isOversizedFormPost, largeFormPost } from "@/lib/abuse/oversized";
import { isCrossSiteFormPost } from "@/lib/abuse/same-origin";
import { benchEnabled, isProduction } from "@/lib/env";
import { withoutForwarded, withSiteOrigin } from "@/lib/http/forwarded";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { isLocale, LOCALE_COOKIE, negotiate, LOCALES } from "@/lib/i18n/locales";
import { parseHost, type HostMatch } from "@/lib/tenancy/parse-host";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { tagRequest } from "@/lib/log/request-id";
import { originOfMatch } from "@/lib/tenancy/urls";

// Every response gets the Content-Security-Policy with this request's nonce;
// Next.js reads the nonce from the request's copy and puts it on its scripts.
export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce());
  // Forwarded headers go before anything reads them (see lib/http/forwarded.ts).
  const headers = withoutForwarded(request.headers);
  headers.set("content-security-policy", csp);
  const requestId = tagRequest(request.headers, request.nextUrl.pathname, headers);
  const response = await respond(request, headers);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

/**
 * Refuses what Next.js would fail on (lib/abuse/malformed-request.ts); else
 * passes the host on as one normalised name (lower case, no trailing dot) and
 * routes it, the site it names worked out once for both.
 */
async function respond(request: NextRequest, headers: Headers) {
  const refusal = malformedHeaders(request.headers);
  if (refusal) return refuse(request, refusal.status, (m) => m.security.badRequest);
  const host = normaliseHost(request.headers.get("host"))!;
  headers.set("host", host);
  const origin = normaliseOrigin(request.headers.get("origin") ?? "");
  if (origin) headers.set("origin", origin);
  const match = parseHost(host, process.env.ROOT_DOMAIN ?? "localhost");
  const site = originOfMatch(match);
  // Bodies of same-site posts to pages only: the others are refused by route(), or /api reads its own.
  const path = request.nextUrl.pathname;
  if (request.method === "POST" && !path.startsWith("/api/") && !isCrossSiteFormPost(request.method, path, headers, site)) {
    // The volunteer-list upload takes more (lib/abuse/oversized.ts): on its pages of a town's site, for its action only.
    const large = match.kind === "tenant" || match.kind === "custom" ? largeFormPost(path) : null;
    const body = await malformedFormPost(request.headers, request.body, large ? { limit: large.limit, actionId: builtActionId(large.action) } : undefined);
    if (body) return refuse(request, body.status, (m) => (body.reason === "tooLarge" ? m.form.formErrors.tooLarge : m.security.badRequest));
  }
  return route(request, headers, match, site);
}

// Routes a request to the apex site or to a town's site by its Host header.
// It only rewrites: tenant lookup (database) happens in the tenant layout.
function route(request: NextRequest, headers: Headers, match: HostMatch, site: string | null) {
  withSiteOrigin(headers, site);
  headers.delete(TENANT_HEADER); // never trust a client-supplied tenant
  const url = request.nextUrl.clone();
  const path = url.pathname;
  const notFound = () => {
    url.pathname = "/_not-found-host";
    return NextResponse.rewrite(url, { request: { headers } });
  };

  if (isCrossSiteFormPost(request.method, path, headers, site)) return refuse(request, 403, (m) => m.security.crossSiteForm);
  if (isOversizedFormPost(request.method, path, request.headers)) return refuse(request, 413, (m) => m.form.formErrors.tooLarge);

  // The internal tenant tree is reachable only through a town's host.
  if (path === "/t" || path.startsWith("/t/")) return notFound();
  // Broken percent-encoding names no page (Next.js would answer 500 decoding it).
  if (!decodable(path)) return notFound();
  // Development tools (mailbox, e-mail previews) do not exist in production, whatever the host.
  if ((path === "/dev" || path.startsWith("/dev/")) && isProduction()) return notFound();
  // The bench's routes (app/bench) exist only for `npm run bench`'s servers.
  const bench = path === "/bench" || path.startsWith("/bench/");
  if (bench && !benchEnabled()) return notFound();
  // Asked by load balancers, container health checks and Caddy by address, not by a site's name.
  if (HOST_INDEPENDENT.includes(path)) return NextResponse.next({ request: { headers } });

  switch (match.kind) {
    case "apex":
      return NextResponse.next({ request: { headers } });
    case "tenant":
    case "custom": {
      const key = match.kind === "tenant" ? match.slug : match.host;
      headers.set(TENANT_HEADER, key);
      if (path.startsWith("/api/")) return NextResponse.next({ request: { headers } });
      // The bench's routes are the same page on every host: on a town's, after the town's rewrite and lookup (scenario 6).
      url.pathname = bench ? path : `/t/${key}${path === "/" ? "" : path}`;
      return NextResponse.rewrite(url, { request: { headers } });
    }
    case "reserved":
      // www.<root> is the apex under another name; other reserved names are no town.
      return match.subdomain === "www" ? NextResponse.next({ request: { headers } }) : notFound();
    default:
      return notFound();
  }
}

/** Route handlers that answer the same on every host, including a bare IP address. */
const HOST_INDEPENDENT = ["/api/health", "/api/tls/ask"];

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const MESSAGES = { en, fr, nl, de };

/** A refusal in words, in the visitor's language (no page renders it). */
function refuse(request: NextRequest, status: number, message: (m: typeof en) => string) {
  const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : (negotiate(request.headers.get("accept-language"), LOCALES) ?? "nl");
  return new NextResponse(message(MESSAGES[locale]), {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "content-language": locale },
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|woff2?)$).*)"],
};
