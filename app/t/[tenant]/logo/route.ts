import type { NextRequest } from "next/server";
import { isCurrentLogo } from "@/lib/images/logo";
import { notFoundResponse } from "@/lib/http/not-found";
import { townLogo } from "@/lib/settings/town";
import { requestTenant } from "@/lib/tenancy/current";

/** A town's uploaded logo (stored in the database; type checked on upload); `v` is the version the page asked for. */
export async function GET(request: NextRequest) {
  const tenant = await requestTenant();
  const row = tenant && (await townLogo(tenant));
  if (!row) return notFoundResponse();
  // The header's URL names the current version: that answer never changes. Any other URL may soon.
  const current = isCurrentLogo(row.logoUrl, request.nextUrl.searchParams.get("v"));
  return new Response(new Uint8Array(row.logo), {
    headers: {
      "content-type": row.logoType, "x-content-type-options": "nosniff",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
