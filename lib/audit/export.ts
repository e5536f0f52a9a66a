import type { AuditFilter } from "@/lib/audit/filter";
import { auditBatches, writeAudit, type AuditRow } from "@/lib/audit/log";
import { CSV_BOM, csvLine, csvSeparator } from "@/lib/csv/write";
import { localTimestamp } from "@/lib/dates/zoned";

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const CSV_COLUMNS = ["at", "actorEmail", "actorName", "action", "subjectType", "subjectId", "reference", "details"] as const;

/** Who downloads: their language picks the separator; the headers come translated. */
export type CsvReader = { locale: string; headers: Record<(typeof CSV_COLUMNS)[number], string> };

/** Times as the town's wall clock ("2026-11-30 04:09:00"), which spreadsheets read as a date. */
function auditCsvLine(r: AuditRow, timeZone: string, separator: string): string {
  return csvLine([
    localTimestamp(r.createdAt, timeZone), r.actor?.email, r.actor?.name, r.action, r.subjectType, r.subjectId, r.reference,
    r.details === null ? null : JSON.stringify(r.details),
  ], separator);
}

function jsonItem(r: AuditRow): string {
  return JSON.stringify({
    at: r.createdAt, actor: r.actor, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, reference: r.reference, details: r.details,
  });
}

/**
 * The audit log (or the part the filter selects) as a download, newest first.
 * The export is itself recorded before any row leaves. Streams in batches, so
 * a town with years of entries does not load them all at once.
 */
export async function exportAudit(
  tenant: { id: string; timeZone: string }, actorId: string, filter: AuditFilter, format: AuditExportFormat, reader: CsvReader,
): Promise<ReadableStream<Uint8Array>> {
  // Which filters, not their values: what was typed (a name, another town's id) stays out of a log kept for years.
  const filters = Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [k]));
  await writeAudit(tenant, { actorId, action: "audit.export", subjectType: "AuditLog", subjectId: tenant.id, details: { format, filters } });

  const encoder = new TextEncoder();
  const batches = auditBatches(tenant, filter);
  const separator = csvSeparator(reader.locale);
  // A byte-order mark so spreadsheet programs read the accents in names right.
  const head = format === "csv" ? CSV_BOM + csvLine(CSV_COLUMNS.map((c) => reader.headers[c]), separator) : "[";
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      const lines = next.value.map((r) => {
        if (format === "csv") return auditCsvLine(r, tenant.timeZone, separator);
        const comma = first ? "\n" : ",\n";
        first = false;
        return comma + jsonItem(r);
      });
      controller.enqueue(encoder.encode(lines.join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
