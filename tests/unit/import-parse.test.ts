import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapColumns } from "@/lib/imports/columns";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/limits";
import { detectSeparator, ImportFileError, parseCsvText, readSheet } from "@/lib/imports/parse";
import { checkRows, splitDuplicates, type TownFacts } from "@/lib/imports/validate";

const TOWN: TownFacts = { country: "BE", defaultLocale: "nl", categories: [{ id: "cat-groceries", key: "groceries", labels: { nl: "Boodschappen", fr: "Courses", en: "Groceries" } }] };
const utf8 = (text: string) => new TextEncoder().encode(text);
const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof ImportFileError ? e.key : e));

/** A CSV cell as a spreadsheet program writes it: quoted when it holds a separator, a quote or a line break. */
const quote = (cell: string, sep: string) => (/["\r\n]/.test(cell) || cell.includes(sep) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][], sep: string, bom: boolean) => `${bom ? "\uFEFF" : ""}${rows.map((r) => r.map((c) => quote(c, sep)).join(sep)).join("\r\n")}\r\n`;

// Cells as people type them: any letters, quotes, separators and line breaks; trimmed, without control characters, never empty.
const cell = fc.string({ unit: fc.constantFrom(..."abcXYZ éèß漢😀 \"';,\t\n0123456789-+@."), minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[\t\n]/g, " ").trim()).filter((s) => s !== "");

describe("reading an uploaded list", () => {
  it("never throws anything but a file error, whatever the bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
      const outcome = await readSheet(bytes).then((s) => s, (e: unknown) => e);
      expect(outcome instanceof ImportFileError || (typeof outcome === "object" && outcome !== null && "rows" in outcome)).toBe(true);
    }), { numRuns: 400 });
  });

  it("never throws anything but a file error on arbitrary text, and checking its rows never throws", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 400 }), fc.constantFrom(";", ",", "\t"), async (text, sep) => {
      const body = `naam${sep}e-mail${sep}postcode${sep}telefoon${sep}talen\n${text}`;
      const sheet = await readSheet(utf8(body)).catch((e: unknown) => {
        if (e instanceof ImportFileError) return null;
        throw e;
      });
      if (sheet) expect(() => checkRows(sheet, TOWN)).not.toThrow();
    }), { numRuns: 300 });
  });

  it("reads back any cells through every separator, with or without a BOM, quoted as spreadsheets quote", () => {
    fc.assert(fc.property(
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 8 }), fc.constantFrom(";", ",", "\t"), fc.boolean(),
      (rows, sep, bom) => {
        // The header names the separator's own columns, as a real list's does.
        const header = ["Naam", "E-mail", "Postcode"];
        const sheet = parseCsvText(csv([header, ...rows], sep, bom));
        expect(sheet.headers).toEqual(header);
        expect(sheet.rows.map((r) => r.cells)).toEqual(rows);
      },
    ), { numRuns: 300 });
  });

  it("detects the separator from the header line, ignoring quoted ones", () => {
    expect(detectSeparator('"Naam, voornaam";E-mail;Postcode\n')).toBe(";");
    expect(detectSeparator("name,email,postcode")).toBe(",");
    expect(detectSeparator("name\temail\tpostcode")).toBe("\t");
  });

  it("refuses files over the limits, empty ones, non-UTF-8 text and old .xls with their own errors", async () => {
    expect(await errorOf(readSheet(new Uint8Array()))).toBe("empty");
    expect(await errorOf(readSheet(utf8("\uFEFF\r\n\r\n")))).toBe("empty");
    expect(await errorOf(readSheet(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65)))).toBe("tooLarge");
    expect(await errorOf(readSheet(new Uint8Array([0x6e, 0x61, 0xe9, 0x6d, 0x0a])))).toBe("notUtf8"); // "naém" in Latin-1
    expect(await errorOf(readSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe("unsupported");
    expect(await errorOf(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe("corrupt");
    const many = `naam;e-mail;postcode\n${"a;b@c.be;3000\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(await errorOf(readSheet(utf8(many)))).toBe("tooManyRows");
  });

  it("reads an XLSX's first sheet with the row numbers it shows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Vrijwilligers");
    sheet.addRow(["Naam", "E-mailadres", "Postcode", "GSM"]);
    sheet.addRow(["Lotte Janssens", "lotte@example.be", 3000, "0470 12 34 56"]);
    sheet.addRow([]);
    sheet.addRow(["Jan Peeters", "jan@example.be", "3001", ""]);
    workbook.addWorksheet("Other").addRow(["ignored"]);
    const read = await readSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read.headers).toEqual(["Naam", "E-mailadres", "Postcode", "GSM"]);
    expect(read.rows).toEqual([{ line: 2, cells: ["Lotte Janssens", "lotte@example.be", "3000", "0470 12 34 56"] }, { line: 4, cells: ["Jan Peeters", "jan@example.be", "3001", ""] }]);
  });
});

describe("recognising columns", () => {
  it("knows the headers in Dutch, French, English and German, whatever their case and accents", () => {
    expect(mapColumns(["Naam", "E-mailadres", "GSM", "Postcode", "Talen"])).toEqual({ name: 0, email: 1, phone: 2, postcode: 3, languages: 4 });
    expect(mapColumns(["Nom", "Adresse e-mail", "Téléphone", "Code postal", "Langues", "Compétences"])).toEqual({ name: 0, email: 1, phone: 2, postcode: 3, languages: 4, skills: 5 });
    expect(mapColumns(["Name", "E-Mail", "Telefon", "PLZ", "Sprachen", "Kategorien"])).toEqual({ name: 0, email: 1, phone: 2, postcode: 3, languages: 4, categories: 5 });
    expect(mapColumns(["FIRST NAME", "Last name", "Email", "ZIP code", "Notes"])).toEqual({ firstName: 0, lastName: 1, email: 2, postcode: 3 });
  });
});

describe("checking rows for a town", () => {
  const sheet = (rows: string[][]) => ({ headers: ["Naam", "E-mail", "Telefoon", "Postcode", "Talen", "Categorieën", "Vaardigheden"], rows: rows.map((cells, i) => ({ line: i + 2, cells })) });

  it("accepts a good row, normalising phone, e-mail, languages, categories and skills", () => {
    const checked = checkRows(sheet([["Lotte Janssens", "Lotte@Example.BE", "0470 12 34 56", "3000", "Nederlands, Frans", "boodschappen", "rijbewijs"]]), TOWN);
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual([{ line: 2, name: "Lotte Janssens", email: "lotte@example.be", phone: "+32470123456", postcode: "3000", languages: ["nl", "fr"], categoryIds: ["cat-groceries"], skills: ["drivers-licence"] }]);
  });

  it("names each problem by row and column", () => {
    const checked = checkRows(sheet([
      ["", "not-an-email", "12", "", "Klingon", "", ""],
      ["Jan", "jan@example.be", "+33 1 23 45 67 89", "3000", "", "Astronomy", "juggling"],
    ]), TOWN);
    expect(checked.invalid).toBe(2);
    expect(checked.rows).toEqual([]);
    expect(checked.problems.map((p) => [p.line, p.column, p.error])).toEqual([
      [2, "name", "nameMissing"], [2, "email", "invalidEmail"], [2, "phone", "invalidPhone"], [2, "postcode", "postcodeMissing"], [2, "languages", "unknownLanguage"],
      [3, "categories", "unknownCategory"], [3, "skills", "unknownSkill"],
    ]);
  });

  it("reads phone numbers as the town's country writes them", () => {
    const row = [["Anna", "anna@example.nl", "06 12345678", "1011 AB", "", "", ""]];
    expect(checkRows(sheet(row), { ...TOWN, country: "NL" }).rows[0]?.phone).toBe("+31612345678");
    expect(checkRows(sheet(row), TOWN).problems.map((p) => p.error)).toEqual(["invalidPhone"]);
  });

  it("gives someone without a language the town's own", () => {
    expect(checkRows(sheet([["Jan", "jan@example.be", "", "3000", "", "", ""]]), { ...TOWN, defaultLocale: "fr" }).rows[0].languages).toEqual(["fr"]);
  });

  it("reports missing required columns instead of rows", () => {
    expect(checkRows({ headers: ["Telefoon", "Talen"], rows: [] }, TOWN).missing).toEqual(["name", "email", "postcode"]);
  });

  it("splits duplicates of the town's volunteers and of earlier rows, and never imports one person twice", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ e: fc.integer({ min: 0, max: 6 }), p: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { maxLength: 30 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
      (people, known) => {
        const rows = people.map((x, i) => ({ line: i + 2, name: "X", email: `p${x.e}@example.be`, phone: x.p === undefined ? "" : `+3247000000${x.p}`, postcode: "3000", languages: ["nl"], categoryIds: [], skills: [] }));
        const existing = { emails: new Set(known.map((k) => `p${k}@example.be`)), phones: new Set<string>() };
        const { fresh, duplicates } = splitDuplicates(rows, existing);
        expect(fresh.length + duplicates.length).toBe(rows.length);
        expect(new Set(fresh.map((r) => r.email)).size).toBe(fresh.length);
        const phones = fresh.map((r) => r.phone).filter(Boolean);
        expect(new Set(phones).size).toBe(phones.length);
        for (const r of fresh) expect(existing.emails.has(r.email)).toBe(false);
      },
    ), { numRuns: 300 });
  });
});
