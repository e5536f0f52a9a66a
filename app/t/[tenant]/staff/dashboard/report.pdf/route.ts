import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { councilReportPdf } from "@/lib/council-report/download";
import { notFoundResponse } from "@/lib/http/not-found";
import { currentLocale } from "@/lib/i18n/current";
import { requestTenant } from "@/lib/tenancy/current";

/** The dashboard's figures as a one-page PDF for the council (?period=… as on the dashboard). */
export async function GET(request: Request) {
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  await requireRole(tenant, STAFF_ROLES);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return councilReportPdf(tenant, query, await currentLocale(tenant.defaultLocale));
}
