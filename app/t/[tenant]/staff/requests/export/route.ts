import { getTranslations } from "next-intl/server";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { refuseDownload, downloadResponse } from "@/lib/export/response";
import { exportStream, isExportFormat } from "@/lib/export/table";
import { currentLocale } from "@/lib/i18n/current";
import { exportRequests } from "@/lib/requests/export";
import { queueFilterSchema, queueListSchema } from "@/lib/requests/schemas";
import { currentTenant } from "@/lib/tenancy/current";
import { whenTeller } from "@/lib/when/when-text";

/** Staff download the queue as filtered and searched on the page (?format=csv|xlsx&status=…&q=…); the columns depend on the role (lib/requests/export.ts). */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const search = new URL(request.url).searchParams;
  const [t, te, tc, tellWhen, locale] = await Promise.all([
    getTranslations("form"), getTranslations("enums"), getTranslations("exports.requests"), whenTeller(), currentLocale(tenant.defaultLocale),
  ]);
  const format = search.get("format") ?? "csv";
  if (!isExportFormat(format)) return refuseDownload(t("errors.invalidChoice"));
  // Unknown filter values are ignored, as on the page; the search text selects as it does there.
  const params = Object.fromEntries(search);
  const filter = { ...queueFilterSchema.parse(params), q: queueListSchema.parse(params).q };
  const { columns, rows } = await exportRequests(tenant, member, filter, format, locale, {
    enumValue: (group, value) => te(`${group}.${value}` as "status.NEW"),
    when: (when, weekly) => tellWhen({ when, weekly }),
  });
  const body = exportStream(format, { sheet: tc("sheet"), headers: columns.map((c) => tc(`columns.${c}`)), rows }, locale);
  return downloadResponse(body, format, `${tenant.slug}-requests`);
}
