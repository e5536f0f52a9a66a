import { getLocale, getTranslations } from "next-intl/server";
import { AUDIT_EXPORT_FORMATS, CSV_COLUMNS, exportAudit, type AuditExportFormat } from "@/lib/audit/export";
import { parseAuditFilter } from "@/lib/audit/filter";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { currentTenant } from "@/lib/tenancy/current";

const CONTENT_TYPES: Record<AuditExportFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

const isFormat = (value: string): value is AuditExportFormat => (AUDIT_EXPORT_FORMATS as readonly string[]).includes(value);

/** The town admin downloads the audit log, filtered like the page (?format=csv|json&q=…&from=…). */
export async function GET(request: Request) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ADMIN_ROLES);
  const t = await getTranslations("form");
  const search = new URL(request.url).searchParams;
  const refuse = (message: string) => new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const format = search.get("format") ?? "csv";
  if (!isFormat(format)) return refuse(t("errors.invalidChoice"));
  const { filter, errors } = parseAuditFilter(Object.fromEntries(search));
  if (!filter) return refuse(Object.values(errors).map((key) => t(`errors.${key}` as "errors.required")).join("\n"));
  const [locale, tc] = await Promise.all([getLocale(), getTranslations("audit.csv")]);
  const headers = Object.fromEntries(CSV_COLUMNS.map((c) => [c, tc(c, { timeZone: tenant.timeZone })])) as Record<(typeof CSV_COLUMNS)[number], string>;
  const body = await exportAudit(tenant, member.userId, filter, format, { locale, headers });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${tenant.slug}-audit-log-${day}.${format}"`,
      "cache-control": "private, no-store",
    },
  });
}
