import type { NextRequest } from "next/server";
import { heroVersion } from "@/lib/branding/hero";
import { notFoundResponse } from "@/lib/http/not-found";
import { townHero } from "@/lib/settings/town";
import { requestTenant } from "@/lib/tenancy/current";

/** A town's home-page photo (WebP, re-encoded on upload): `?size=small` for phones; `v` is the version the page asked for. */
export async function GET(request: NextRequest) {
  const tenant = await requestTenant();
  const params = request.nextUrl.searchParams;
  const hero = tenant && (await townHero(tenant, params.get("size") === "small" ? "small" : "large"));
  if (!hero) return notFoundResponse();
  // The page's URL names the current version: that answer never changes. Any other URL may soon.
  const current = params.get("v") === heroVersion(hero.updatedAt);
  return new Response(new Uint8Array(hero.bytes), {
    headers: {
      "content-type": "image/webp", "x-content-type-options": "nosniff",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
