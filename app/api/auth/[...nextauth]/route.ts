import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";
import { notFoundResponse } from "@/lib/http/not-found";
import { currentSite } from "@/lib/tenancy/site";

// `next start` reports its own hostname in request.url; Auth.js builds its
// redirects from it. Rebuild the URL on the site's origin as the database
// knows it (never from Host or forwarded headers), so a sign-in on
// leuven.<root> comes back to leuven.<root>; a host that names no town has no
// sign-in at all.
async function onSite(req: NextRequest, handler: (req: NextRequest) => Promise<Response>): Promise<Response> {
  const site = await currentSite();
  if (!site) return notFoundResponse();
  const url = new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, site.origin);
  return handler(withoutBadCallbackUrl(new NextRequest(url, req)));
}

export const GET = (req: NextRequest) => onSite(req, handlers.GET);
export const POST = (req: NextRequest) => onSite(req, handlers.POST);
