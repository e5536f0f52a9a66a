import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportConfirmForm } from "@/components/imports/confirm-form";
import { ImportProgress } from "@/components/imports/import-progress";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { confirmImportAction } from "@/lib/imports/actions";
import { FIELDS } from "@/lib/imports/columns";
import { getImport, MAX_PROBLEMS, toImport } from "@/lib/imports/jobs";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

/**
 * One import: while a preview, its counts, the columns found, the first rows
 * and every row that will not be imported with why, a confirm button and a
 * second upload for the corrected file; once confirmed, its progress.
 */
export default async function ImportJobPage({ params }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, COORDINATOR_ROLES);
  const { id } = await params;
  const job = await getImport(tenant, id.slice(0, 64)).catch((e) => {
    if (e instanceof NotFoundInTenant) notFound();
    throw e;
  });
  const [t, tc] = await Promise.all([getTranslations("imports"), getTranslations("signup")]);
  const fresh = toImport(job);
  const country = tc.has(`countries.${tenant.country}`) ? tc(`countries.${tenant.country}` as "countries.BE") : tenant.country;
  const problems = (
    <>
      <h2 className="text-2xl font-bold">{t("problemsTitle")}</h2>
      {job.problems.length >= MAX_PROBLEMS && <p>{t("problemsCapped", { count: MAX_PROBLEMS })}</p>}
      <DataTable caption={t("problemsTitle")} testId="import-problems" columns={[{ label: t("row"), numeric: true }, t("column"), t("problem")]}>
        {job.problems.map((p, i) => (
          <Row key={i}>
            <Cell numeric>{p.line}</Cell>
            <Cell>{p.column ? t(`columns.${p.column}`) : "—"}</Cell>
            <Cell>{t(`errors.${p.error}`, { value: p.value ?? "", country })}</Cell>
          </Row>
        ))}
      </DataTable>
    </>
  );

  if (job.status !== "PREVIEW") {
    return (
      <section aria-labelledby="import-title" className="flex max-w-4xl flex-col gap-4">
        <title>{t("metaTitle")}</title>
        <h1 id="import-title" className="text-3xl font-bold">{job.fileName}</h1>
        <ImportProgress
          statusUrl={`/staff/volunteers/import/${job.id}/status`}
          initial={{ status: job.status, total: job.total, toImport: fresh, processed: job.processed, created: job.created, skipped: job.skipped, failed: job.failed }}
        />
        {job.status === "DONE" ? <p role="status" className="font-semibold">{t("doneNotice")}</p> : <p>{t("reloadHint")}</p>}
        {job.problems.length > 0 && problems}
        <p className="flex flex-wrap gap-4">
          <Link href="/staff/volunteers/import" className="font-semibold text-brand underline">{t("back")}</Link>
          <Link href="/staff/volunteers" className="font-semibold text-brand underline">{t("volunteersLink")}</Link>
        </p>
      </section>
    );
  }

  // Only whoever uploaded a preview confirms it (they checked it).
  const mine = job.createdById === member.userId;
  return (
    <section aria-labelledby="import-title" className="flex max-w-5xl flex-col gap-4">
      <title>{t("metaTitle")}</title>
      <h1 id="import-title" className="text-3xl font-bold">{t("previewTitle", { file: job.fileName })}</h1>
      <p role="status" data-testid="import-counts">{t("counts", { rows: job.total, fresh, duplicates: job.duplicates, invalid: job.invalid })}</p>
      <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t("countNew")}</dt><dd className="text-right font-bold" data-testid="count-new">{fresh}</dd>
        <dt>{t("countDuplicates")}</dt><dd className="text-right font-bold" data-testid="count-duplicates">{job.duplicates}</dd>
        <dt>{t("countInvalid")}</dt><dd className="text-right font-bold" data-testid="count-invalid">{job.invalid}</dd>
      </dl>
      <h2 className="text-2xl font-bold">{t("mappingTitle")}</h2>
      <DataTable caption={t("mappingTitle")} testId="import-mapping" columns={[t("field"), t("header")]}>
        {FIELDS.map((f) => (
          <Row key={f}>
            <Cell>{t(`columns.${f}`)}</Cell>
            <Cell>{job.mapping[f] ?? <span className="text-zinc-700">{t("notFound")}</span>}</Cell>
          </Row>
        ))}
      </DataTable>
      {job.first.length > 0 && (
        <>
          <h2 className="text-2xl font-bold">{t("firstRowsTitle")}</h2>
          <DataTable caption={t("firstRowsTitle")} testId="import-first-rows" columns={[{ label: t("row"), numeric: true }, t("columns.name"), t("columns.email"), t("columns.phone"), t("columns.postcode"), t("columns.languages")]}>
            {job.first.map((r) => (
              <Row key={r.line}>
                <Cell numeric>{r.line}</Cell><Cell>{r.name}</Cell><Cell>{r.email}</Cell><Cell>{r.phone}</Cell><Cell>{r.postcode}</Cell><Cell>{r.languages.join(", ")}</Cell>
              </Row>
            ))}
          </DataTable>
        </>
      )}
      {job.problems.length > 0 && problems}
      {mine && fresh > 0 ? (
        <div className="flex flex-col gap-2 rounded border-2 border-zinc-300 bg-white p-4">
          <p>{t("confirmHint")}</p>
          <ImportConfirmForm action={confirmImportAction.bind(null, job.id)} label={t("confirm", { count: fresh })} />
        </div>
      ) : (
        <p className="font-semibold">{t("nothingToImport")}</p>
      )}
      <div className="flex flex-col gap-2 rounded border-2 border-zinc-300 bg-white p-4">
        <h2 className="text-2xl font-bold">{t("uploadAgain")}</h2>
        <p>{t("uploadAgainHint")}</p>
        <ImportUploadForm />
      </div>
    </section>
  );
}
