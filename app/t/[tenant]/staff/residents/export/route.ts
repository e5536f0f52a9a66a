import { getTranslations } from "next-intl/server";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { exportResidentData } from "@/lib/residents/data-rights";
import { residentExportSchema } from "@/lib/residents/schemas";
import { currentTenant } from "@/lib/tenancy/current";

/** A coordinator downloads everything the town holds about a resident (JSON), after checking their identity by phone. */
export async function POST(request: Request) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const t = await getTranslations("form");
  const refuse = (status: number, message: string) =>
    new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  const form = await request.formData().catch(() => null);
  if (!form) return refuse(400, t("errorSummary"));
  const parsed = residentExportSchema.safeParse({ contact: form.get("contact") ?? undefined, identityVerified: form.get("identityVerified") ?? undefined });
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "required";
    return refuse(400, t(`errors.${key}` as "errors.required"));
  }
  try {
    const data = await exportResidentData(tenant, member.userId, parsed.data.contact, { identityVerified: parsed.data.identityVerified === "on" }, await currentLocale(tenant.defaultLocale));
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${tenant.slug}-helpt-resident-data.json"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundInTenant) return refuse(404, t("formErrors.residentNotFound"));
    if (error instanceof InvalidInput) return refuse(400, t(`errors.${Object.values(error.errors)[0]}` as "errors.required"));
    throw error;
  }
}
