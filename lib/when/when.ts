import { formatLocale, type FormatLocale, type Locale } from "@/lib/i18n/locales";
import { DAYS, PARTS, type Slot } from "@/lib/when/slots";

// When a resident wants help, as a value every reader sees in their own
// language and matching can compare with volunteers' availability. The
// resident's own words stay beside it as a note (HelpRequest.timeWindow).
// Free of zod: the form's fields import it in the browser (when-schema.ts reads the form).

export const WHEN_KINDS = ["ASAP", "DATE", "WEEKDAY"] as const;
export type Day = (typeof DAYS)[number];
export type Part = (typeof PARTS)[number];

export type When =
  | { kind: "ASAP" }
  | { kind: "DATE"; date: string; part: Part | null }
  | { kind: "WEEKDAY"; weekday: Day; part: Part | null };

/** The form's fields (radio whenKind, date whenDate, select whenWeekday, select whenPart). */
export const WHEN_FIELDS = ["whenKind", "whenDate", "whenWeekday", "whenPart"] as const;
export type WhenForm = Record<(typeof WHEN_FIELDS)[number], string>;

/** A When as the form shows it again (staff edit, a form sent back with errors). */
export function whenToForm(when: When): WhenForm {
  return {
    whenKind: when.kind,
    whenDate: when.kind === "DATE" ? when.date : "",
    whenWeekday: when.kind === "WEEKDAY" ? when.weekday : "",
    whenPart: when.kind === "ASAP" ? "" : (when.part ?? ""),
  };
}

export type WhenColumns = { whenKind: When["kind"]; whenDate: Date | null; whenWeekday: Day | null; whenPart: Part | null };

/** A When as HelpRequest's columns; a date is a calendar day (stored at UTC midnight, column type date). */
export function whenToColumns(when: When): WhenColumns {
  return {
    whenKind: when.kind,
    whenDate: when.kind === "DATE" ? new Date(`${when.date}T00:00:00Z`) : null,
    whenWeekday: when.kind === "WEEKDAY" ? when.weekday : null,
    whenPart: when.kind === "ASAP" ? null : when.part,
  };
}

export function whenFromColumns(row: WhenColumns): When {
  if (row.whenKind === "DATE" && row.whenDate) return { kind: "DATE", date: row.whenDate.toISOString().slice(0, 10), part: row.whenPart };
  if (row.whenKind === "WEEKDAY" && row.whenWeekday) return { kind: "WEEKDAY", weekday: row.whenWeekday, part: row.whenPart };
  return { kind: "ASAP" };
}

/** Columns to select wherever a request's when is shown. */
export const WHEN_SELECT = { whenKind: true, whenDate: true, whenWeekday: true, whenPart: true } as const;

const dayOfDate = (date: string): Day => DAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];

/** The availability slots a When falls in; [] (anyone) for "as soon as possible". */
export function whenSlots(when: When): Slot[] {
  if (when.kind === "ASAP") return [];
  const day = when.kind === "DATE" ? dayOfDate(when.date) : when.weekday;
  return (when.part ? [when.part] : PARTS).map((p) => `${day}_${p}` as Slot);
}

/** A weekday's name in `locale` ("dinsdag", "mardi"), from Intl: 1 January 2024 was a Monday. */
export function weekdayName(day: Day, locale: Locale | FormatLocale): string {
  return new Intl.DateTimeFormat(formatLocale(locale), { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + DAYS.indexOf(day)));
}

/** The few messages a When is told with (namespace `when`). */
export type WhenTranslate = (key: "asap" | "part.MORNING" | "part.AFTERNOON" | "part.EVENING" | "withPart" | "weekly", values?: Record<string, string>) => string;

/** A When in the reader's language: "as soon as possible", "Tuesday, morning", "Tuesday 1 December, afternoon". */
export function describeWhen(when: When, locale: Locale | FormatLocale, t: WhenTranslate, weekly = false): string {
  let text: string;
  if (when.kind === "ASAP") text = t("asap");
  else {
    // A calendar day, not an instant: format it on UTC so no zone moves it to the day before.
    const day = when.kind === "DATE"
      ? new Intl.DateTimeFormat(formatLocale(locale), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${when.date}T00:00:00Z`))
      : weekdayName(when.weekday, locale);
    text = when.part ? t("withPart", { day, part: t(`part.${when.part}`) }) : day;
  }
  return weekly ? t("weekly", { when: text }) : text;
}
