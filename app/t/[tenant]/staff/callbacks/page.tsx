import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/callbacks/print-button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { calledBackAction } from "@/lib/callbacks/actions";
import { callbackList, CALLBACK_LIMIT } from "@/lib/callbacks/list";
import { formatPhone, telLink } from "@/lib/phone/normalize";
import { currentTenant } from "@/lib/tenancy/current";

/** The day's calls to residents reachable only by phone; printable for a desk without a screen. */
export default async function Callbacks() {
  const tenant = await currentTenant();
  await requireRole(tenant, STAFF_ROLES);
  const now = new Date();
  const [t, format, { open, more, done }] = await Promise.all([getTranslations("callbacks"), getFormatter(), callbackList(tenant, now)]);
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short" });
  const deadline = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <section aria-labelledby="callbacks" className="flex flex-col gap-4" data-print-list>
      <h1 id="callbacks" className="text-3xl font-bold">{t("title")}</h1>
      <p data-print-hide>{t("intro")}</p>
      <PrintButton label={t("print")} />
      <h2 className="text-2xl font-bold">{t("dueTitle")}</h2>
      {open.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <DataTable caption={t("dueTitle")} testId="callbacks-due" card columns={[t("deadline"), t("reference"), t("name"), t("phone"), t("reason"), { label: t("calledBack"), srOnly: true }]}>
          {open.map((c) => {
            const overdue = c.dueAt < now;
            const phone = c.request.residentPhone;
            return (
              <Row key={c.id}>
                <Cell className={overdue ? "font-bold text-red-800" : undefined}>
                  {deadline(c.dueAt)}{overdue && <> ({t("overdue")})</>}
                </Cell>
                <Cell><Link href={`/staff/requests/${c.request.id}`} className="font-mono underline">{c.request.reference}</Link></Cell>
                <Cell className="font-semibold">{c.request.residentName}</Cell>
                <Cell>{phone ? <a href={telLink(phone, tenant.country)} className="whitespace-nowrap underline">{formatPhone(phone, tenant.country)}</a> : "—"}</Cell>
                <Cell>{t(`reasons.${c.reason}`)}</Cell>
                <Cell>
                  <form action={calledBackAction.bind(null, c.id)} data-print-hide>
                    <button type="submit" className="rounded border-2 border-brand px-2 py-1 font-semibold text-brand">
                      {t("calledBack")}<span className="sr-only">: {c.request.reference}</span>
                    </button>
                  </form>
                </Cell>
              </Row>
            );
          })}
        </DataTable>
      )}
      {more && <p>{t("more", { count: CALLBACK_LIMIT })}</p>}
      {done.length > 0 && (
        <>
          <h2 className="text-2xl font-bold">{t("doneTitle")}</h2>
          <ul className="flex flex-col gap-1" data-testid="callbacks-done">
            {done.map((c) => (
              <li key={c.id}>
                <span className="font-mono">{c.request.reference}</span> — {c.request.residentName} — {t(`reasons.${c.reason}`)}:{" "}
                {t("calledBackBy", { name: c.calledBy?.name || c.calledBy?.email || t("someone"), time: time(c.calledAt!) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
