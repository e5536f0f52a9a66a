import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import type { Field } from "@/lib/imports/columns";
import { readSheet } from "@/lib/imports/parse";
import { checkRows, splitDuplicates, type ImportRow, type MissingColumn, type Problem } from "@/lib/imports/validate";
import type { Country } from "@/lib/locale/country";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

// An uploaded list becomes an ImportJob in PREVIEW: its counts, the rows
// that would be imported and what is wrong with the others. Nothing else is
// written until a coordinator confirms it (QUEUED); the worker then imports
// it in chunks (lib/imports/run.ts).

/** Problems kept for the preview and the job page: enough to fix a file, bounded however bad it is. */
export const MAX_PROBLEMS = 1_000;

export type Town = { id: string; country: Country; defaultLocale: string };
export type Preview = { jobId: string } | { missing: MissingColumn[] };

/** Who already volunteers in this town with one of these e-mail addresses or phone numbers. */
export async function existingVolunteers(tenant: { id: string }, emails: string[], phones: string[], db: Pick<TenantDb, "volunteerProfile"> = forTenant(tenant.id)) {
  const [byEmail, byPhone] = await Promise.all([
    emails.length ? db.volunteerProfile.findMany({ where: { user: { email: { in: emails } } }, select: { user: { select: { email: true } } } }) : [],
    phones.length ? db.volunteerProfile.findMany({ where: { phone: { in: phones } }, select: { phone: true } }) : [],
  ]);
  return { emails: new Set(byEmail.map((p) => p.user.email.toLowerCase())), phones: new Set(byPhone.map((p) => p.phone)) };
}

/**
 * Reads and checks an uploaded file and stores its preview, replacing this
 * person's earlier unconfirmed previews (a corrected file replaces the one it
 * corrects). A file without the columns an import needs is refused here.
 */
export async function previewImport(tenant: Town, userId: string, file: { name: string; bytes: Uint8Array }): Promise<Preview> {
  const sheet = await readSheet(file.bytes);
  const db = forTenant(tenant.id);
  const categories = await db.category.findMany({ where: { active: true }, select: { id: true, key: true, labels: true } });
  const checked = checkRows(sheet, { country: tenant.country, defaultLocale: tenant.defaultLocale, categories });
  if (checked.missing.length) return { missing: checked.missing };
  const existing = await existingVolunteers(tenant, checked.rows.map((r) => r.email), checked.rows.map((r) => r.phone).filter(Boolean));
  const { fresh, duplicates } = splitDuplicates(checked.rows, existing);
  const problems = [...checked.problems, ...duplicates].sort((a, b) => a.line - b.line).slice(0, MAX_PROBLEMS);
  const mapping = Object.fromEntries(Object.entries(checked.mapping).map(([field, index]) => [field, sheet.headers[index!]]));
  const job = await db.$transaction(async (tx) => {
    await tx.importJob.deleteMany({ where: { createdById: userId, status: "PREVIEW" } });
    return tx.importJob.create({
      data: {
        tenantId: tenant.id, createdById: userId, fileName: file.name.slice(0, 200) || "-",
        total: sheet.rows.length, duplicates: duplicates.length, invalid: checked.invalid,
        mapping, rows: fresh as unknown as Prisma.InputJsonValue, problems: problems as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
  });
  return { jobId: job.id };
}

const SUMMARY = {
  id: true, fileName: true, status: true, total: true, duplicates: true, invalid: true, processed: true, created: true,
  skipped: true, failed: true, createdAt: true, confirmedAt: true, finishedAt: true, createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ImportJobSelect;

/** How many rows an import will write (or wrote): the file's rows less the invalid ones and duplicates. */
export const toImport = (job: { total: number; duplicates: number; invalid: number }) => job.total - job.duplicates - job.invalid;

/** An id from a URL or a form names an import only if it could be one: anything else (control characters fail a query) is not found. */
function importId(id: string): string {
  if (!/^[\w-]{1,64}$/.test(id)) throw new NotFoundInTenant("import");
  return id;
}

/** One import of this town, for its page: counts, the column mapping, problems, and the first rows while it is a preview. */
export async function getImport(tenant: { id: string }, rawId: string, firstRows = 10) {
  const id = importId(rawId);
  const db = forTenant(tenant.id);
  const job = await db.importJob.findFirst({ where: { id }, select: { ...SUMMARY, createdById: true, mapping: true, problems: true } });
  if (!job) throw new NotFoundInTenant("import");
  const first = job.status === "PREVIEW"
    ? ((await db.$queryRaw<{ rows: ImportRow[] | null }[]>`
        SELECT jsonb_path_query_array(rows, ${`$[0 to ${firstRows - 1}]`}::jsonpath) AS rows FROM "ImportJob" WHERE "tenantId" = ${tenant.id} AND id = ${id}`)[0]?.rows ?? [])
    : [];
  return { ...job, mapping: job.mapping as Partial<Record<Field, string>>, problems: job.problems as Problem[], first };
}

export type ImportStatusJson = { status: string; total: number; toImport: number; processed: number; created: number; skipped: number; failed: number };

/** What the job page's poller asks for: counts only. */
export async function importProgress(tenant: { id: string }, rawId: string): Promise<ImportStatusJson> {
  const id = importId(rawId);
  const job = await forTenant(tenant.id).importJob.findFirst({ where: { id }, select: SUMMARY });
  if (!job) throw new NotFoundInTenant("import");
  const { status, total, processed, created, skipped, failed } = job;
  return { status, total, toImport: toImport(job), processed, created, skipped, failed };
}

/** The town's latest imports, newest first. */
export function listImports(tenant: { id: string }, take = 20) {
  return forTenant(tenant.id).importJob.findMany({ where: { status: { not: "PREVIEW" } }, select: SUMMARY, orderBy: { createdAt: "desc" }, take });
}

/** A coordinator confirms a preview: the worker imports it from now on. One audit entry for the whole import (who, file, counts). */
export async function confirmImport(tenant: { id: string }, userId: string, rawId: string, now = new Date()): Promise<void> {
  const id = importId(rawId);
  await forTenant(tenant.id).$transaction(async (tx) => {
    const confirmed = await tx.importJob.updateManyAndReturn({
      where: { id, status: "PREVIEW", createdById: userId }, data: { status: "QUEUED", confirmedAt: now }, select: SUMMARY,
    });
    if (confirmed.length === 0) {
      if (!(await tx.importJob.findFirst({ where: { id }, select: { id: true } }))) throw new NotFoundInTenant("import");
      throw new InvalidTransition("importNotPending");
    }
    const job = confirmed[0];
    await writeAudit(tenant, {
      actorId: userId, action: "volunteers.import", subjectType: "ImportJob", subjectId: id,
      details: { fileName: job.fileName, rows: job.total, toImport: toImport(job), duplicates: job.duplicates, invalid: job.invalid },
    }, tx);
  });
}
