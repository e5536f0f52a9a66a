// CSV that spreadsheet programs open right in the reader's country: Excel in
// Belgium, France, the Netherlands and Germany splits on ";" (the comma is
// their decimal sign), elsewhere on ","; the byte-order mark tells it UTF-8.

export const CSV_BOM = "\uFEFF";

/** The separator a reader's spreadsheet expects, from their language. */
export function csvSeparator(locale: string): ";" | "," {
  return ["nl", "fr", "de"].includes(locale.slice(0, 2).toLowerCase()) ? ";" : ",";
}

/** Text a spreadsheet would run as a formula (=, +, -, @) is defused with a leading apostrophe. */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell, defused and quoted where the separator, quotes or line breaks need it. */
export function csvCell(value: string | null | undefined, separator: string): string {
  const safe = defuseFormula(value ?? "");
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: (string | null | undefined)[], separator: string): string {
  return values.map((v) => csvCell(v, separator)).join(separator) + "\r\n";
}
