import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/forms/fields";
import { parseAuditFilter } from "@/lib/audit/filter";
import { auditActions, auditListSchema, listAudit } from "@/lib/audit/log";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { currentTenant } from "@/lib/tenancy/current";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { countText, Pager, sortColumn } from "@/components/lists/list-controls";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/staff/audit";

/** The town admin searches who viewed or changed personal data, and downloads what they found. */
export default async function AuditLogPage({ searchParams }: Props) {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const params = await searchParams;
  const { values, filter, errors } = parseAuditFilter(params);
  const list = auditListSchema.parse(params);
  // The filters, sort and page live in the URL: links keep them, a new search starts at page one.
  const current = { ...values, sort: list.sort, dir: list.dir };
  const [t, format, actions, result] = await Promise.all([
    getTranslations("audit"), getFormatter(), auditActions(tenant), filter ? listAudit(tenant, filter, list) : null,
  ]);
  const exportHref = (f: "csv" | "json") => `/staff/audit/export?${new URLSearchParams({ ...values, format: f })}`;
  return (
    <section aria-labelledby="audit" className="flex flex-col gap-4">
      <h1 id="audit" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" role="search" aria-label={t("filter")} noValidate className="grid gap-3 rounded bg-white p-3 shadow-sm sm:grid-cols-3">
        <TextField name="q" type="search" label={t("searchLabel")} optional defaultValue={values.q} error={errors.q} />
        <TextField name="actor" label={t("actorLabel")} hint={t("actorHint")} optional defaultValue={values.actor} error={errors.actor} />
        <SelectField
          name="action" label={t("actionLabel")} defaultValue={values.action ?? ""} error={errors.action}
          options={[{ value: "", label: t("anyAction") }, ...actions.map((a) => ({ value: a, label: a }))]}
        />
        <TextField name="subject" label={t("subjectLabel")} hint={t("subjectHint")} optional defaultValue={values.subject} error={errors.subject} />
        <TextField name="from" type="date" label={t("fromLabel")} optional defaultValue={values.from} error={errors.from} />
        <TextField name="to" type="date" label={t("toLabel")} optional defaultValue={values.to} error={errors.to} />
        <input type="hidden" name="sort" value={list.sort} />
        <input type="hidden" name="dir" value={list.dir} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">{t("search")}</button>
          <Link href={PATH} className="underline">{t("reset")}</Link>
        </div>
      </form>
      {!result ? (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">{t("fixFilter")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-4">
            <p role="status" data-testid="audit-count">
              {result.total.more ? t("countCapped", { count: await countText(result.total) }) : t("count", { count: result.total.count })}
            </p>
            <a href={exportHref("csv")} className="font-semibold underline">{t("exportCsv")}</a>
            <a href={exportHref("json")} className="font-semibold underline">{t("exportJson")}</a>
          </div>
          {result.entries.length > 0 && (
            <DataTable caption={t("title")} testId="audit" card columns={[
              sortColumn(t("when"), "time", PATH, current, "desc"), t("who"), sortColumn(t("action"), "action", PATH, current), t("subject"), t("details"),
            ]}>
              {result.entries.map((e) => (
                <Row key={e.id}>
                  <Cell>{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Cell>
                  <Cell>{e.actor?.email ?? (e.action === "request.create" ? t("resident") : t("system"))}</Cell>
                  <Cell className="font-mono">{e.action}</Cell>
                  <Cell className="font-mono">
                    {e.reference ? <Link href={`/staff/requests/${e.subjectId}`} className="underline">{e.reference}</Link> : `${e.subjectType} ${e.subjectId}`}
                  </Cell>
                  <Cell className="font-mono text-sm break-all">{e.details === null ? "" : JSON.stringify(e.details)}</Cell>
                </Row>
              ))}
            </DataTable>
          )}
          <Pager path={PATH} current={current} next={result.next} prev={result.prev} />
        </>
      )}
    </section>
  );
}
