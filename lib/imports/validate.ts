import { z } from "zod";
import type { CountryCode } from "libphonenumber-js";
import { LOCALES } from "@/lib/i18n/locales";
import { SKILLS, SPOKEN_LANGUAGES } from "@/lib/matching/criteria";
import { normalizePhone } from "@/lib/phone/normalize";
import { fold, mapColumns, type Field } from "@/lib/imports/columns";
import type { Sheet } from "@/lib/imports/parse";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

// Each data row of a sheet checked as the volunteer form would check it, for
// the town it is imported into (phone numbers read as its country writes
// them). What is wrong is a translation key per row and column, so the
// preview tells it in the reader's language.

/** A row ready to import. `line` is its row number in the file. */
export type ImportRow = {
  line: number; name: string; email: string; phone: string; postcode: string;
  languages: string[]; categoryIds: string[]; skills: string[];
};

/** What is wrong with a row: keys under `imports.errors`; `value` only for a word the town's lists do not know (never personal data). */
export type Problem = { line: number; column: Field | null; error: ProblemKey; value?: string };
export type ProblemKey =
  | "nameMissing" | "nameTooLong" | "emailMissing" | "invalidEmail" | "invalidPhone" | "postcodeMissing" | "invalidPostcode"
  | "unknownLanguage" | "unknownCategory" | "unknownSkill" | "duplicateInFile" | "alreadyVolunteer";

/** The columns an import needs: a name (or first and last name), an e-mail address and a postcode. */
export type MissingColumn = "name" | "email" | "postcode";

export type TownFacts = { country: CountryCode; defaultLocale: string; categories: { id: string; key: string; labels: unknown }[] };

/** An e-mail cell, as the volunteer form reads addresses. */
export const importEmailSchema = z.email("invalidEmail");
const POSTCODE = /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/;
const LIST = /[\s,;/|+]+/;
const JOINERS = new Set(["en", "et", "and", "und"]);

/** Words a cell may use for each choice: its key, and its name in each of the site's languages. */
function lookup(entries: [string, string[]][]): Map<string, string> {
  return new Map(entries.flatMap(([value, words]) => [value, ...words].map((w) => [fold(w), value] as const)));
}

const LANGUAGE_WORDS = lookup(SPOKEN_LANGUAGES.map((code) => [code, LOCALES.map((l) => new Intl.DisplayNames([l], { type: "language" }).of(code) ?? code)]));
const SKILL_WORDS = lookup(SKILLS.map((s) => [s, [nl, fr, en, de].map((m) => m.volunteer.skills[s])]));

function categoryWords(categories: TownFacts["categories"]): Map<string, string> {
  return lookup(categories.map((c) => [c.id, [c.key, ...Object.values((c.labels ?? {}) as Record<string, string>).filter((v) => typeof v === "string")]]));
}

/** Splits a list cell into known values; the first unknown word is reported. */
function choices(cell: string, words: Map<string, string>): { values: string[]; unknown?: string } {
  const values: string[] = [];
  for (const word of cell.split(LIST).filter((w) => w && !JOINERS.has(w.toLowerCase()))) {
    const value = words.get(fold(word));
    if (!value) return { values, unknown: word.slice(0, 40) };
    if (!values.includes(value)) values.push(value);
  }
  return { values };
}

export type Checked = { mapping: Partial<Record<Field, number>>; missing: MissingColumn[]; rows: ImportRow[]; problems: Problem[]; invalid: number };

/** Checks every row of the sheet; rows with a problem are not imported. Within-file duplicates are left to findDuplicates(). */
export function checkRows(sheet: Sheet, town: TownFacts): Checked {
  const mapping = mapColumns(sheet.headers);
  const missing: MissingColumn[] = [];
  if (mapping.name === undefined && (mapping.firstName === undefined || mapping.lastName === undefined)) missing.push("name");
  if (mapping.email === undefined) missing.push("email");
  if (mapping.postcode === undefined) missing.push("postcode");
  if (missing.length) return { mapping, missing, rows: [], problems: [], invalid: 0 };

  const categories = categoryWords(town.categories);
  const language = LANGUAGE_WORDS.has(fold(town.defaultLocale)) ? town.defaultLocale : "nl";
  const rows: ImportRow[] = [];
  const problems: Problem[] = [];
  let invalid = 0;
  for (const { line, cells } of sheet.rows) {
    const cell = (f: Field) => (mapping[f] === undefined ? "" : (cells[mapping[f]!] ?? ""));
    const found: Problem[] = [];
    const problem = (column: Field | null, error: ProblemKey, value?: string) => found.push({ line, column, error, ...(value ? { value } : {}) });

    const name = (cell("name") || [cell("firstName"), cell("lastName")].filter(Boolean).join(" ")).replace(/\s+/g, " ");
    if (name.length < 2) problem("name", "nameMissing");
    else if (name.length > 100) problem("name", "nameTooLong");

    const address = cell("email").toLowerCase();
    if (!address) problem("email", "emailMissing");
    else if (address.length > 254 || !importEmailSchema.safeParse(address).success) problem("email", "invalidEmail");

    // The phone is optional (a list may have none); a number that is there must be one the town's country can call.
    const phoneCell = cell("phone");
    const phone = phoneCell ? normalizePhone(phoneCell, town.country) : "";
    if (phone === null) problem("phone", "invalidPhone");

    const postcode = cell("postcode").toUpperCase();
    if (!postcode) problem("postcode", "postcodeMissing");
    else if (!POSTCODE.test(postcode)) problem("postcode", "invalidPostcode");

    const languages = choices(cell("languages"), LANGUAGE_WORDS);
    if (languages.unknown) problem("languages", "unknownLanguage", languages.unknown);
    const chosen = choices(cell("categories"), categories);
    if (chosen.unknown) problem("categories", "unknownCategory", chosen.unknown);
    const skills = choices(cell("skills"), SKILL_WORDS);
    if (skills.unknown) problem("skills", "unknownSkill", skills.unknown);

    if (found.length) {
      invalid++;
      problems.push(...found);
      continue;
    }
    rows.push({
      line, name, email: address, phone: phone ?? "", postcode,
      // Nobody is left without a language: the town's own, which their invitation is written in.
      languages: languages.values.length ? languages.values : [language],
      categoryIds: chosen.values, skills: skills.values,
    });
  }
  return { mapping, missing, rows, problems, invalid };
}

/**
 * Splits checked rows into new people and duplicates: of someone already
 * volunteering in this town (same e-mail or phone number), or of an earlier
 * row of the file.
 */
export function splitDuplicates(rows: ImportRow[], existing: { emails: Set<string>; phones: Set<string> }): { fresh: ImportRow[]; duplicates: Problem[] } {
  const fresh: ImportRow[] = [];
  const duplicates: Problem[] = [];
  const seenEmails = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  for (const row of rows) {
    if (existing.emails.has(row.email)) duplicates.push({ line: row.line, column: "email", error: "alreadyVolunteer" });
    else if (row.phone && existing.phones.has(row.phone)) duplicates.push({ line: row.line, column: "phone", error: "alreadyVolunteer" });
    else if (seenEmails.has(row.email)) duplicates.push({ line: row.line, column: "email", error: "duplicateInFile", value: String(seenEmails.get(row.email)) });
    else if (row.phone && seenPhones.has(row.phone)) duplicates.push({ line: row.line, column: "phone", error: "duplicateInFile", value: String(seenPhones.get(row.phone)) });
    else {
      fresh.push(row);
      seenEmails.set(row.email, row.line);
      if (row.phone) seenPhones.set(row.phone, row.line);
    }
  }
  return { fresh, duplicates };
}
