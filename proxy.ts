import { NextResponse, type NextRequest } from "next/server";
import { tooLargeResponse } from "@/lib/http/body-limit";
import { parseHost } from "@/lib/tenancy/parse-host";
import { TENANT_HEADER } from "@/lib/tenancy/headers";

// Routes a request to the apex site or to a town's site by its Host header.
// It only rewrites: tenant lookup (database) happens in the tenant layout.
export function proxy(request: NextRequest) {
  const tooLarge = tooLargeResponse(request);
  if (tooLarge) return tooLarge;
  const rootDomain = process.env.ROOT_DOMAIN ?? "localhost";
  const match = parseHost(request.headers.get("host"), rootDomain);
  const headers = new Headers(request.headers);
  headers.delete(TENANT_HEADER); // never trust a client-supplied tenant
  const url = request.nextUrl.clone();
  const path = url.pathname;
  const notFound = () => {
    url.pathname = "/_not-found-host";
    return NextResponse.rewrite(url, { request: { headers } });
  };

  // The internal tenant tree is reachable only through a town's host.
  if (path === "/t" || path.startsWith("/t/")) return notFound();
  // Broken percent-encoding names no page (Next.js would answer 500 decoding it).
  if (!decodable(path)) return notFound();

  switch (match.kind) {
    case "apex":
      return NextResponse.next({ request: { headers } });
    case "tenant":
    case "custom": {
      const key = match.kind === "tenant" ? match.slug : match.host;
      headers.set(TENANT_HEADER, key);
      if (path.startsWith("/api/")) return NextResponse.next({ request: { headers } });
      url.pathname = `/t/${key}${path === "/" ? "" : path}`;
      return NextResponse.rewrite(url, { request: { headers } });
    }
    case "reserved":
      // www.<root> is the apex under another name; other reserved names are no town.
      return match.subdomain === "www" ? NextResponse.next({ request: { headers } }) : notFound();
    default:
      return notFound();
  }
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|woff2?)$).*)"],
};
