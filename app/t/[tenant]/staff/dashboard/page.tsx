import { getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { formatDecimal } from "@/lib/locale/format";
import { STATUSES } from "@/lib/requests/schemas";
import { coordinatorDashboard } from "@/lib/stats/dashboard";
import { currentTenant } from "@/lib/tenancy/current";

const card = "flex flex-col-reverse rounded bg-white p-4 shadow-sm";

export default async function Dashboard() {
  const tenant = await currentTenant();
  // Also checked here, not only in the layout: the page renders alongside the layout, and its
  // output would travel in the body of the layout's redirect or 404.
  await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, te, d] = await Promise.all([getTranslations("dashboard"), getTranslations("enums"), coordinatorDashboard(tenant, locale)]);
  const hours = (h: number | null) => (h == null ? "—" : t("hours", { hours: formatDecimal(h, locale) }));
  return (
    <section aria-labelledby="dash" className="flex flex-col gap-6">
      <h1 id="dash" className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="by-status">
        <h2 id="by-status" className="mb-2 text-xl font-bold">{t("byStatus")}</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="by-status">
          {STATUSES.map((s) => (
            <div key={s} className={card}><dt>{te(`status.${s}`)}</dt><dd className="text-3xl font-extrabold" data-testid={`status-${s}`}>{d.byStatus[s] ?? 0}</dd></div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="speed">
        <h2 id="speed" className="mb-2 text-xl font-bold">{t("speed")}</h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div className={card}><dt>{t("firstResponse")}</dt><dd className="text-2xl font-bold">{hours(d.firstResponseHours)}</dd></div>
          <div className={card}><dt>{t("toMatch")}</dt><dd className="text-2xl font-bold">{hours(d.matchHours)}</dd></div>
        </dl>
      </section>
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
