import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/limits";

// An uploaded volunteer list, read into a header row and data rows of text:
// CSV (UTF-8 with or without BOM, separated by ";", "," or tab) or XLSX
// (its first sheet). Whatever the bytes, the outcome is rows or an
// ImportFileError with a translation key, never an exception of the parser.

/** Longer cells are no one's name or address: refused as a corrupt file rather than stored. */
const MAX_CELL = 1_000;

export type ImportFileErrorKey = "empty" | "tooLarge" | "tooManyRows" | "notUtf8" | "corrupt" | "unsupported" | "noHeader";

export class ImportFileError extends Error {
  constructor(readonly key: ImportFileErrorKey) {
    super(`import file: ${key}`);
  }
}

/** A data row with its number as a spreadsheet shows it (the header is row 1). */
export type SheetRow = { line: number; cells: string[] };
export type Sheet = { headers: string[]; rows: SheetRow[] };

const SEPARATORS = [";", ",", "\t"] as const;

/** The separator of a CSV: the one of ";", "," and tab that occurs most in the header line outside quotes (";" on a tie, Belgium's Excel default). */
export function detectSeparator(text: string): (typeof SEPARATORS)[number] {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return SEPARATORS.reduce((best, s) => (counts.get(s)! > counts.get(best)! ? s : best), SEPARATORS[0]);
}

const clean = (cell: unknown) => String(cell ?? "").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim();

function sheetOf(records: { line: number; cells: string[] }[]): Sheet {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c !== ""));
  if (nonEmpty.length === 0) throw new ImportFileError("empty");
  const [header, ...rows] = nonEmpty;
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError("tooManyRows");
  if (nonEmpty.some((r) => r.cells.some((c) => c.length > MAX_CELL))) throw new ImportFileError("corrupt");
  return { headers: header.cells, rows };
}

/** A CSV's text (BOM already removed or not) as a sheet. */
export function parseCsvText(text: string): Sheet {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new ImportFileError("empty");
  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter: detectSeparator(body), relax_column_count: true, relax_quotes: true, skip_empty_lines: true,
      // One row past the limit is enough to refuse it, without reading a million.
      to: MAX_IMPORT_ROWS + 2, max_record_size: MAX_IMPORT_BYTES,
    }) as string[][];
  } catch {
    throw new ImportFileError("corrupt");
  }
  // Row numbers as a spreadsheet would show them, empty lines skipped as csv-parse skips them.
  return sheetOf(records.map((cells, i) => ({ line: i + 1, cells: cells.map(clean) })));
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function parseXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError("corrupt");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty");
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ImportFileError("tooManyRows");
  const records: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(clean(row.getCell(c).text));
    records.push({ line: row.number, cells });
  });
  return sheetOf(records);
}

/** Reads an uploaded file: XLSX by its bytes (a zip), else CSV in UTF-8. */
export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength === 0) throw new ImportFileError("empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError("tooLarge");
  if (startsWith(bytes, ZIP)) return parseXlsx(bytes);
  if (startsWith(bytes, OLE)) throw new ImportFileError("unsupported");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError("notUtf8");
  }
  return parseCsvText(text);
}
