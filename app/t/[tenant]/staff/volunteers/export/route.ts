import { getTranslations } from "next-intl/server";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { refuseDownload, downloadResponse } from "@/lib/export/response";
import { exportStream, isExportFormat } from "@/lib/export/table";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";
import { exportVolunteers } from "@/lib/volunteers/export";

/** Staff download the volunteers as searched on the page (?format=csv|xlsx&q=…); contact details only for coordinators. */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const search = new URL(request.url).searchParams;
  const [t, tv, tskills, tc, locale] = await Promise.all([
    getTranslations("form"), getTranslations("volunteersAdmin"), getTranslations("volunteer"), getTranslations("exports.volunteers"), currentLocale(tenant.defaultLocale),
  ]);
  const format = search.get("format") ?? "csv";
  if (!isExportFormat(format)) return refuseDownload(t("errors.invalidChoice"));
  const q = search.get("q")?.slice(0, 100) || undefined;
  const { columns, rows } = await exportVolunteers(tenant, member, { q }, format, {
    status: (s) => tv(`statuses.${s}` as "statuses.ACTIVE"),
    skill: (s) => (tskills.has(`skills.${s}` as "skills.car") ? tskills(`skills.${s}` as "skills.car") : s),
  });
  const body = exportStream(format, { sheet: tc("sheet"), headers: columns.map((c) => tc(`columns.${c}`)), rows }, locale);
  return downloadResponse(body, format, `${tenant.slug}-volunteers`);
}
