import { requireUser } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { helpCertificatePdf } from "@/lib/help-record/download";
import { notFoundResponse } from "@/lib/http/not-found";
import { currentLocale } from "@/lib/i18n/current";
import { requestTenant } from "@/lib/tenancy/current";

/** The signed-in volunteer's certificate of confirmed help in this town, in their language. */
export async function GET() {
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  const user = await requireUser();
  return helpCertificatePdf(tenant, user.userId, await currentLocale(tenant.defaultLocale)).catch((e) => {
    if (e instanceof NotFoundInTenant) return notFoundResponse();
    throw e;
  });
}
