import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { FIELDS } from "@/lib/imports/columns";
import { listImports } from "@/lib/imports/jobs";
import { currentTenant } from "@/lib/tenancy/current";

/** Where a coordinator uploads the town's existing volunteer list, and finds earlier imports. */
export default async function ImportVolunteers() {
  const tenant = await currentTenant();
  await requireRole(tenant, COORDINATOR_ROLES);
  const [t, format, jobs] = await Promise.all([getTranslations("imports"), getFormatter(), listImports(tenant)]);
  return (
    <section aria-labelledby="import-title" className="flex max-w-4xl flex-col gap-4">
      <title>{t("metaTitle")}</title>
      <h1 id="import-title" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2 className="text-2xl font-bold">{t("columnsTitle")}</h2>
      <p>{t("columnsHint")}</p>
      <ul className="list-disc pl-6">{FIELDS.map((f) => <li key={f}>{t(`columns.${f}`)}</li>)}</ul>
      <ImportUploadForm />
      <h2 className="text-2xl font-bold">{t("recent")}</h2>
      {jobs.length === 0 ? <p>{t("noImports")}</p> : (
        <DataTable caption={t("recent")} testId="imports" columns={[t("fileName"), t("when"), t("startedBy"), t("status"), t("result")]}>
          {jobs.map((j) => (
            <Row key={j.id}>
              <Cell><Link href={`/staff/volunteers/import/${j.id}`} className="font-semibold text-brand underline">{j.fileName}</Link></Cell>
              <Cell>{format.dateTime(j.createdAt, { dateStyle: "short", timeStyle: "short" })}</Cell>
              <Cell>{j.createdBy?.name || j.createdBy?.email || "—"}</Cell>
              <Cell>{t(`statuses.${j.status}`)}</Cell>
              <Cell>{t("progress", { processed: j.processed, total: j.total - j.duplicates - j.invalid, created: j.created, skipped: j.skipped })}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
