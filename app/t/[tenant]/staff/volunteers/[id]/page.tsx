import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmCheckForm } from "@/components/checks/check-forms";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { confirmCheckAction } from "@/lib/checks/actions";
import { CHECK_KINDS } from "@/lib/checks/kinds";
import { checkHistory, latestChecks, volunteerForChecks } from "@/lib/checks/status";
import { boundId } from "@/lib/forms/bound";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

/**
 * A volunteer's checks for staff: what their categories need, what holds and
 * until when, and a form to record a check staff saw (identity, record
 * extract, reference), with who confirmed each and a note. No documents.
 */
export default async function VolunteerChecks({ params }: Props) {
  const tenant = await currentTenant();
  await requireRole(tenant, STAFF_ROLES);
  const id = boundId((await params).id);
  const volunteer = await volunteerForChecks(tenant, id);
  if (!volunteer) notFound();
  const [t, tv, format, states, history] = await Promise.all([
    getTranslations("checks"), getTranslations("volunteersAdmin"), getFormatter(), latestChecks(tenant, id, CHECK_KINDS), checkHistory(tenant, id),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/staff/volunteers" className="underline">{t("backToVolunteers")}</Link></p>
      <h1 className="text-3xl font-bold">{t("staffTitle", { name: volunteer.name })}</h1>
      <p>{tv(`statuses.${volunteer.status}`)}</p>
      <p>{volunteer.required.length ? t("categoriesNeed", { kinds: volunteer.required.map((k) => t(`kinds.${k}`)).join(", ") }) : t("categoriesNeedNone")}</p>
      <section aria-labelledby="state" className={card}>
        <h2 id="state" className="text-xl font-bold">{t("stateTitle")}</h2>
        <ul className="flex flex-col gap-1" data-testid="check-states">
          {states.map((s) => (
            <li key={s.kind} data-kind={s.kind} data-valid={s.valid}>
              <span className="font-semibold">{t(`kinds.${s.kind}`)}: </span>
              {s.validUntil == null ? t("never") : s.valid ? t("validUntil", { date: date(s.validUntil) }) : t("expiredOn", { date: date(s.validUntil) })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="confirm" className={card}>
        <h2 id="confirm" className="text-xl font-bold">{t("confirmTitle")}</h2>
        <p className="max-w-3xl">{t("confirmIntro")}</p>
        <ConfirmCheckForm action={confirmCheckAction.bind(null, id)} />
      </section>
      <DataTable caption={t("historyTitle")} testId="check-history" card columns={[t("kind"), t("confirmedBy"), t("confirmedAt"), t("until"), t("note")]}>
        {history.map((c) => (
          <Row key={c.id}>
            <Cell className="font-semibold">{t(`kinds.${c.kind}`)}</Cell>
            <Cell>{c.confirmedBy?.name || c.confirmedBy?.email || "—"}</Cell>
            <Cell>{date(c.confirmedAt)}</Cell>
            <Cell>{date(c.validUntil)}</Cell>
            <Cell>{c.note || "—"}</Cell>
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
