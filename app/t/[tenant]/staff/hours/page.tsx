import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HelpDecisionForm } from "@/components/help-record/help-forms";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { decideHelpAction } from "@/lib/help-record/actions";
import { pendingHelp } from "@/lib/help-record/queries";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";

/** Coordinators confirm the hours volunteers logged on finished requests. */
export default async function HoursToConfirm() {
  const tenant = await currentTenant();
  await requireRole(tenant, COORDINATOR_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, format, rows] = await Promise.all([getTranslations("helpRecord"), getFormatter(), pendingHelp(tenant, locale)]);
  const hours = (m: number) => format.number(m / 60, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="hours" className="flex flex-col gap-4">
      <h1 id="hours" className="text-3xl font-bold">{t("pendingTitle")}</h1>
      <p className="max-w-3xl">{t("pendingIntro")}</p>
      {rows.length === 0 ? <p data-testid="no-pending-hours">{t("nonePending")}</p> : (
        <DataTable caption={t("pendingTitle")} card columns={[t("volunteer"), t("request"), t("category"), t("dayLabel"), { label: t("hours"), numeric: true }, { label: t("visits"), numeric: true }, t("decision")]}>
          {rows.map((r) => (
            <Row key={r.id}>
              <Cell>{r.volunteer}</Cell>
              <Cell><Link href={`/staff/requests/${r.request.id}`} className="font-mono underline">{r.request.reference}</Link></Cell>
              <Cell>{r.category}</Cell>
              <Cell>{format.dateTime(r.day, { dateStyle: "medium", timeZone: "UTC" })}</Cell>
              <Cell numeric>{hours(r.minutes)}</Cell>
              <Cell numeric>{r.visits}</Cell>
              <Cell><HelpDecisionForm action={decideHelpAction.bind(null, r.id)} /></Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
