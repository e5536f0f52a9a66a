import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HelpLogForm } from "@/components/help-record/help-forms";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireUser } from "@/lib/auth/guard";
import { logHelpAction } from "@/lib/help-record/actions";
import { myHelp } from "@/lib/help-record/queries";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";

const card = "flex flex-col gap-2 rounded bg-white p-4 shadow-sm";

/** A volunteer's record of their help: log hours on finished requests, see what was confirmed, download the certificate. */
export default async function MyHelp() {
  const tenant = await currentTenant();
  const user = await requireUser();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, format, { assignments, totals }] = await Promise.all([getTranslations("helpRecord"), getFormatter(), myHelp(tenant, user.userId, locale)]);
  const hours = (m: number) => format.number(m / 60, { maximumFractionDigits: 2 });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const sum = totals.reduce((a, x) => ({ minutes: a.minutes + x.minutes, visits: a.visits + x.visits }), { minutes: 0, visits: 0 });
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/volunteer" className="underline">{t("back")}</Link></p>
      <section aria-labelledby="my-help" className="flex flex-col gap-3">
        <h1 id="my-help" className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-2xl">{t("intro")}</p>
        {totals.length === 0 ? <p>{t("noneConfirmed")}</p> : (
          <DataTable caption={t("totalsTitle")} card columns={[t("category"), { label: t("hours"), numeric: true }, { label: t("visits"), numeric: true }]}>
            {totals.map((x) => <Row key={x.category}><Cell>{x.category}</Cell><Cell numeric>{hours(x.minutes)}</Cell><Cell numeric>{x.visits}</Cell></Row>)}
            <Row><Cell>{t("total")}</Cell><Cell numeric><span data-testid="confirmed-hours">{hours(sum.minutes)}</span></Cell><Cell numeric>{sum.visits}</Cell></Row>
          </DataTable>
        )}
        <p><a href="/volunteer/certificate.pdf" className="font-semibold underline" data-testid="certificate" download>{t("certificate")}</a></p>
      </section>
      <section aria-labelledby="finished" className="flex flex-col gap-3">
        <h2 id="finished" className="text-2xl font-bold">{t("finishedTitle")}</h2>
        {assignments.length === 0 ? <p>{t("noneFinished")}</p> : (
          <ul className="flex flex-col gap-3" data-testid="finished-assignments">
            {assignments.map((a) => (
              <li key={a.id} className={card}>
                <p className="font-bold"><span className="font-mono">{a.reference}</span> · {a.category} · {day(a.doneAt)}</p>
                {a.log && <p data-testid="log-status">{t(`statuses.${a.log.status}`, { hours: hours(a.log.minutes), visits: a.log.visits })}</p>}
                {a.log?.status !== "CONFIRMED" && (
                  <HelpLogForm action={logHelpAction.bind(null, a.id)} id={a.id}
                    defaults={{ hours: a.log ? String(a.log.minutes / 60) : "", visits: String(a.log?.visits ?? 1), day: (a.log?.day ?? a.doneAt).toISOString().slice(0, 10) }} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
