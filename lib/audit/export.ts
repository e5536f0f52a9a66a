import type { Prisma } from "@/generated/prisma/client";
import type { AuditFilter } from "@/lib/audit/filter";
import { auditBatches, writeAudit, type AuditRow } from "@/lib/audit/log";

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const CSV_COLUMNS = ["at", "actor_email", "actor_name", "action", "subject_type", "subject_id", "reference", "details"];

/** A CSV cell; text a spreadsheet would run as a formula (=, +, -, @) is defused with a leading apostrophe. */
function cell(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(r: AuditRow): string {
  return [
    r.createdAt.toISOString(), r.actor?.email ?? null, r.actor?.name ?? null, r.action, r.subjectType, r.subjectId, r.reference,
    r.details === null ? null : JSON.stringify(r.details),
  ].map(cell).join(",") + "\r\n";
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
export async function exportAudit(tenant: { id: string }, actorId: string, filter: AuditFilter, format: AuditExportFormat): Promise<ReadableStream<Uint8Array>> {
  const applied = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Prisma.InputJsonObject;
  await writeAudit(tenant, { actorId, action: "audit.export", subjectType: "AuditLog", subjectId: tenant.id, details: { format, filter: applied } });

  const encoder = new TextEncoder();
  const batches = auditBatches(tenant, filter);
  // A byte-order mark so spreadsheet programs read the accents in names right.
  const head = format === "csv" ? `\uFEFF${CSV_COLUMNS.join(",")}\r\n` : "[";
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
        if (format === "csv") return csvLine(r);
        const separator = first ? "\n" : ",\n";
        first = false;
        return separator + jsonItem(r);
      });
      controller.enqueue(encoder.encode(lines.join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
