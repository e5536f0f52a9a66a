import { notFoundResponse } from "@/lib/http/not-found";
import { townLogo } from "@/lib/settings/town";
import { requestTenant } from "@/lib/tenancy/current";

/** A town's uploaded logo (stored in the database; type checked on upload). */
export async function GET() {
  const tenant = await requestTenant();
  const row = tenant && (await townLogo(tenant));
  if (!row) return notFoundResponse();
  return new Response(new Uint8Array(row.logo), {
    headers: { "content-type": row.logoType, "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" },
  });
}
