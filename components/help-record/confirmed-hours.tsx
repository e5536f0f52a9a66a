import { getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { confirmedHoursByCategory } from "@/lib/help-record/queries";
import { formatLocale, type Locale } from "@/lib/i18n/locales";
import type { Period } from "@/lib/stats/period";

/** The dashboard's block: volunteers' confirmed hours per category over the dashboard's period (an index range read). */
export async function ConfirmedHours({ tenant, period, locale }: { tenant: { id: string; defaultLocale: Locale }; period: Period; locale: Locale }) {
  const rows = await confirmedHoursByCategory(tenant, period.fromDay, period.toDay, locale);
  const t = await getTranslations("helpRecord");
  const hours = (m: number) => new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 1 }).format(m / 60);
  const total = rows.reduce((a, r) => a + r.minutes, 0);
  return (
    <section aria-labelledby="confirmed-hours" className="min-w-0" data-testid="dashboard-hours">
      <h2 id="confirmed-hours" className="mb-2 text-xl font-bold">{t("dashboardTitle", { hours: hours(total) })}</h2>
      {rows.length === 0 ? <p>{t("dashboardNone")}</p> : (
        <DataTable caption={t("dashboardTitle", { hours: hours(total) })} card columns={[t("category"), { label: t("hours"), numeric: true }]}>
          {rows.map((r) => <Row key={r.category}><Cell>{r.category}</Cell><Cell numeric>{hours(r.minutes)}</Cell></Row>)}
        </DataTable>
      )}
    </section>
  );
}
