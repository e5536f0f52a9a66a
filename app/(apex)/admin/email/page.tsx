import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { retryEmailAction } from "@/lib/platform/email-actions";
import { outboxBacklog } from "@/lib/email/dispatch";

const STATUSES = ["PENDING", "HELD", "SENT", "DIGESTED", "FAILED"] as const;

/** Platform admins see whether mail is flowing: the backlog, and the messages that could not be sent. */
export default async function EmailBacklog() {
  await requirePlatformAdmin();
  const [t, format, backlog] = await Promise.all([getTranslations("emailAdmin"), getFormatter(), outboxBacklog()]);
  return (
    <section aria-labelledby="backlog" className="flex flex-col gap-4">
      <h1 id="backlog" className="text-3xl font-bold">{t("title")}</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="outbox-counts">
        {STATUSES.map((s) => (
          <div key={s} className="flex flex-col-reverse rounded bg-white p-3 shadow-sm">
            <dt>{t(`status.${s}`)}</dt>
            <dd className="text-3xl font-extrabold" data-testid={`outbox-${s}`}>{backlog.counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      {backlog.oldestPending && (
        <p role="status">
          {t("oldestPending", { date: format.dateTime(backlog.oldestPending.createdAt, { dateStyle: "short", timeStyle: "medium" }), attempts: backlog.oldestPending.attempts })}
          {backlog.oldestPending.lastError && ` — ${backlog.oldestPending.lastError}`}
        </p>
      )}
      <h2 className="text-2xl font-bold">{t("failedTitle")}</h2>
      {backlog.failed.length === 0 ? <p>{t("noFailed")}</p> : (
        <DataTable caption={t("failedTitle")} testId="failed-emails" card columns={[t("to"), t("template"), t("error"), { label: t("retry"), srOnly: true }]}>
          {backlog.failed.map((f) => (
            <Row key={f.id}>
              <Cell>{f.to}</Cell>
              <Cell className="font-mono">{f.template}</Cell>
              <Cell className="text-sm">{f.lastError}</Cell>
              <Cell>
                <form action={retryEmailAction}>
                  <input type="hidden" name="id" value={f.id} />
                  <button type="submit" className="rounded border-2 border-blue-900 px-2 py-1 font-semibold text-blue-900">{t("retry")}</button>
                </form>
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
