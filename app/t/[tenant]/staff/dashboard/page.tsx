import { getTranslations } from "next-intl/server";
import { Neighbourhoods } from "@/components/dashboard/neighbourhoods";
import { ConfirmedHours } from "@/components/help-record/confirmed-hours";
import { PeriodForm } from "@/components/dashboard/period-form";
import { TrendCharts } from "@/components/dashboard/trend-charts";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { formatLocale } from "@/lib/i18n/locales";
import { formatDuration } from "@/lib/locale/format";
import { STATUSES } from "@/lib/requests/schemas";
import { councilFigures, dayLabel } from "@/lib/stats/council-figures";
import { coordinatorDashboard } from "@/lib/stats/dashboard";
import { periodQuery } from "@/lib/stats/period";
import { currentTenant } from "@/lib/tenancy/current";

const card = "flex flex-col-reverse rounded bg-white p-4 shadow-sm";

type Props = { searchParams: Promise<{ period?: string | string[]; from?: string | string[]; to?: string | string[] }> };

export default async function Dashboard({ searchParams }: Props) {
  const tenant = await currentTenant();
  // Also checked here, not only in the layout: the page renders alongside the layout, and its
  // output would travel in the body of the layout's redirect or 404.
  await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, te, tt, d, figures] = await Promise.all([
    getTranslations("dashboard"), getTranslations("enums"), getTranslations("trends"), coordinatorDashboard(tenant, locale), councilFigures(tenant, await searchParams, locale),
  ]);
  const { period, trends } = figures;
  const number = (n: number) => new Intl.NumberFormat(formatLocale(locale)).format(n);
  return (
    <section aria-labelledby="dash" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="dash" className="text-3xl font-bold">{t("title")}</h1>
        <a href={`/staff/dashboard/report.pdf?${periodQuery(period)}`} className="font-semibold underline" data-testid="report-pdf" download>{tt("report")}</a>
      </div>
      <PeriodForm period={period} />
      <section aria-labelledby="totals">
        <h2 id="totals" className="mb-2 text-xl font-bold">
          {tt("totals")}: <span data-testid="period-shown">{tt("shown", { from: dayLabel(period.fromDay, locale, "long"), to: dayLabel(period.toDay, locale, "long") })}</span>
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="period-totals">
          <div className={card}><dt>{tt("requests")}</dt><dd className="text-3xl font-extrabold" data-testid="total-requests">{number(trends.totals.requests)}</dd></div>
          <div className={card}><dt>{tt("offers")}</dt><dd className="text-3xl font-extrabold">{number(trends.totals.offers)}</dd></div>
          <div className={card}><dt>{tt("matches")}</dt><dd className="text-3xl font-extrabold">{number(trends.totals.matches)}</dd></div>
          <div className={card}><dt>{tt("medianFirstOffer")}</dt><dd className="text-2xl font-bold" data-testid="median-first-offer">{formatDuration(trends.totals.toFirstOffer, locale)}</dd></div>
          <div className={card}><dt>{tt("medianMatch")}</dt><dd className="text-2xl font-bold">{formatDuration(trends.totals.toMatch, locale)}</dd></div>
          <div className={card}><dt>{tt("backlog")}</dt><dd className="text-3xl font-extrabold">{number(trends.totals.backlog)}</dd></div>
        </dl>
      </section>
      <section aria-labelledby="by-status">
        <h2 id="by-status" className="mb-2 text-xl font-bold">{t("byStatus")}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="by-status">
          {STATUSES.map((s) => (
            <div key={s} className={card}><dt>{te(`status.${s}`)}</dt><dd className="text-3xl font-extrabold" data-testid={`status-${s}`}>{d.byStatus[s] ?? 0}</dd></div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="trends" className="flex flex-col gap-3">
        <h2 id="trends" className="text-xl font-bold">{tt("heading")}</h2>
        <TrendCharts figures={figures} locale={locale} />
      </section>
      <Neighbourhoods figures={figures} />
      <ConfirmedHours tenant={tenant} period={period} locale={locale} />
      <section aria-labelledby="volunteers">
        <h2 id="volunteers" className="mb-2 text-xl font-bold">{t("volunteers")}</h2>
        <dl className="grid gap-3 sm:grid-cols-3" data-testid="volunteer-activity">
          <div className={card}><dt>{t("active")}</dt><dd className="text-3xl font-extrabold">{d.volunteers.active}</dd></div>
          <div className={card}><dt>{t("idle")}</dt><dd className="text-3xl font-extrabold">{d.volunteers.idle}</dd></div>
          <div className={card}><dt>{t("paused")}</dt><dd className="text-3xl font-extrabold">{d.volunteers.paused}</dd></div>
        </dl>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="by-category" className="min-w-0">
          <h2 id="by-category" className="mb-2 text-xl font-bold">{t("byCategory")}</h2>
          <DataTable caption={t("byCategory")} card columns={[t("category"), { label: t("count"), numeric: true }]}>
            {d.byCategory.map((c) => <Row key={c.category}><Cell>{c.category}</Cell><Cell numeric>{c.count}</Cell></Row>)}
          </DataTable>
        </section>
        <section aria-labelledby="unmatched" className="min-w-0">
          <h2 id="unmatched" className="mb-2 text-xl font-bold">{t("unmatched")}</h2>
          {d.unmatchedByNeighbourhood.length === 0 ? <p>{t("noneUnmatched")}</p> : (
            <DataTable caption={t("unmatched")} card columns={[t("neighbourhood"), { label: t("count"), numeric: true }]}>
              {d.unmatchedByNeighbourhood.map((u) => <Row key={u.neighbourhood}><Cell>{u.neighbourhood || "—"}</Cell><Cell numeric>{u.count}</Cell></Row>)}
            </DataTable>
          )}
        </section>
      </div>
    </section>
  );
}
