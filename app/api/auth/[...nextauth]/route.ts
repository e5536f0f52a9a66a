import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";

// `next start` reports its own hostname in request.url; Auth.js builds its
// redirects from it. Rebuild the URL from the Host header (already vetted by
// proxy.ts) so a sign-in on leuven.<root> comes back to leuven.<root>.
function onPublicHost(req: NextRequest): NextRequest {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host) return req;
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(/:$/, "");
  return new NextRequest(new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, `${proto}://${host}`), req);
}

export const GET = (req: NextRequest) => handlers.GET(withoutBadCallbackUrl(onPublicHost(req)));
export const POST = (req: NextRequest) => handlers.POST(withoutBadCallbackUrl(onPublicHost(req)));
