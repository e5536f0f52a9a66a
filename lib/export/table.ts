import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CSV_BOM, csvLine, csvSeparator, defuseFormula } from "@/lib/csv/write";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A table to download: translated headers, then rows in batches (a town can have 100,000; never all in memory). */
export type ExportTable = { sheet: string; headers: string[]; rows: AsyncGenerator<(string | null)[][]> };

/**
 * The table as a CSV (the reader's separator, a byte-order mark) or an XLSX
 * workbook written as it streams. Text that a spreadsheet would run as a
 * formula is defused in both: a cell of an XLSX is text, but copied or saved
 * as CSV it would be read again.
 */
export function exportStream(format: ExportFormat, table: ExportTable, locale: string): ReadableStream<Uint8Array> {
  return format === "csv" ? csvStream(table, locale) : xlsxStream(table);
}

function csvStream(table: ExportTable, locale: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const separator = csvSeparator(locale);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(table.headers, separator)));
    },
    async pull(controller) {
      const next = await table.rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(row, separator)).join("")));
    },
    async cancel() {
      await table.rows.return(undefined);
    },
  });
}

// XML cannot carry these at all (a workbook holding one does not open): dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A cell of the workbook: text only, defused, and nothing XML cannot hold. */
export const xlsxCell = (value: string | null) => defuseFormula((value ?? "").replace(NOT_XML, ""));

function xlsxStream(table: ExportTable): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  const write = async () => {
    sheet.addRow(table.headers.map(xlsxCell)).commit();
    for await (const batch of table.rows) {
      for (const row of batch) sheet.addRow(row.map(xlsxCell)).commit();
      // The reader sets the pace: wait while the zip's output is not taken.
      if (out.writableNeedDrain) await once(out, "drain");
      if (out.destroyed) return table.rows.return(undefined);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error) => out.destroy(error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
