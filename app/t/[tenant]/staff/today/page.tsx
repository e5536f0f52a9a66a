import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/callbacks/print-button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { currentLocale } from "@/lib/i18n/current";
import { formatPhone, telLink } from "@/lib/phone/normalize";
import { TODAY_LIMIT, todayList } from "@/lib/requests/today";
import { currentTenant } from "@/lib/tenancy/current";
import { whenTeller } from "@/lib/when/when-text";

/** The phone desk's list for today, printable (the callbacks page's print styles: data-print-list). */
export default async function Today() {
  const tenant = await currentTenant();
  await requireRole(tenant, STAFF_ROLES);
  const now = new Date();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, tc, tq, te, format, tellWhen, list] = await Promise.all([
    getTranslations("today"), getTranslations("callbacks"), getTranslations("queue"), getTranslations("enums"), getFormatter(), whenTeller(), todayList(tenant, locale, now),
  ]);
  const stamp = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const requests = (id: string, title: string, part: typeof list.fresh, empty: string) => (
    <>
      <h2 id={id} className="text-2xl font-bold">{title}</h2>
      {part.rows.length === 0 ? <p>{empty}</p> : (
        <DataTable caption={title} testId={id} card columns={[tq("reference"), tq("category"), tq("neighbourhood"), tq("when"), tq("urgency"), tq("created")]}>
          {part.rows.map((r) => (
            <Row key={r.id}>
              <Cell><Link href={`/staff/requests/${r.id}`} className="font-mono font-bold underline">{r.reference}</Link></Cell>
              <Cell>{r.category}</Cell>
              <Cell>{r.neighbourhood || r.postcode}</Cell>
              <Cell>{tellWhen({ ...r, weekly: r.recurrence === "WEEKLY" })}</Cell>
              <Cell>{te(`urgency.${r.urgency}`)}</Cell>
              <Cell>{stamp(r.createdAt)}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {part.more && <p>{t("more", { count: TODAY_LIMIT })}</p>}
    </>
  );
  return (
    <section aria-labelledby="today" className="flex flex-col gap-4" data-print-list>
      <h1 id="today" className="text-3xl font-bold">{t("title", { date: format.dateTime(now, { dateStyle: "full" }) })}</h1>
      <p data-print-hide>{t("intro")}</p>
      <PrintButton label={t("print")} />
      <h2 id="today-callbacks" className="text-2xl font-bold">{t("callbacksTitle")}</h2>
      {list.callbacks.rows.length === 0 ? <p>{t("noCallbacks")}</p> : (
        <DataTable caption={t("callbacksTitle")} testId="today-callbacks" card columns={[tc("deadline"), tc("reference"), tc("name"), tc("phone"), tc("reason")]}>
          {list.callbacks.rows.map((c) => {
            const overdue = c.dueAt < now;
            const phone = c.request.residentPhone;
            return (
              <Row key={c.id}>
                <Cell className={overdue ? "font-bold text-red-800" : undefined}>{stamp(c.dueAt)}{overdue && <> ({tc("overdue")})</>}</Cell>
                <Cell><Link href={`/staff/requests/${c.request.id}`} className="font-mono underline">{c.request.reference}</Link></Cell>
                <Cell className="font-semibold">{c.request.residentName}</Cell>
                <Cell>{phone ? <a href={telLink(phone, tenant.country)} className="whitespace-nowrap underline">{formatPhone(phone, tenant.country)}</a> : "—"}</Cell>
                <Cell>{tc(`reasons.${c.reason}`)}</Cell>
              </Row>
            );
          })}
        </DataTable>
      )}
      {list.callbacks.more && <p>{t("more", { count: TODAY_LIMIT })}</p>}
      {requests("today-new", t("newTitle"), list.fresh, t("noNew"))}
      {requests("today-urgent", t("urgentTitle"), list.urgent, t("noUrgent"))}
    </section>
  );
}
