import { requireUser } from "@/lib/auth/guard";
import { notFoundResponse } from "@/lib/http/not-found";
import { NotFoundInTenant } from "@/lib/errors";
import { requestTenant } from "@/lib/tenancy/current";
import { exportVolunteerData } from "@/lib/volunteers/profile";

/** A volunteer downloads everything this town holds about them (JSON). */
export async function GET() {
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  const user = await requireUser();
  const data = await exportVolunteerData(tenant, user.userId).catch((e) => {
    if (e instanceof NotFoundInTenant) return null;
    throw e;
  });
  if (!data) return notFoundResponse();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${tenant.slug}-helpt-volunteer-data.json"`,
      "cache-control": "private, no-store",
    },
  });
}
