import fc from "fast-check";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { createTranslator } from "next-intl";
import { fieldErrors } from "@/lib/forms/state";
import { formatLocale } from "@/lib/i18n/locales";
import { describeWhen, whenFromColumns, whenToColumns, whenToForm, type When } from "@/lib/when/when";
import { whenFormSchema } from "@/lib/when/when-schema";
import { DAYS, PARTS } from "@/lib/when/slots";

const part = fc.option(fc.constantFrom(...PARTS), { nil: null });
const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const when: fc.Arbitrary<When> = fc.oneof(
  fc.constant({ kind: "ASAP" as const }),
  fc.record({ kind: fc.constant("DATE" as const), date: day, part }),
  fc.record({ kind: fc.constant("WEEKDAY" as const), weekday: fc.constantFrom(...DAYS), part }),
);

const MESSAGES = { nl, fr, en } as const;
const tell = (w: When, locale: keyof typeof MESSAGES, weekly = false) =>
  describeWhen(w, locale, createTranslator({ locale: formatLocale(locale), messages: MESSAGES[locale] as typeof en, namespace: "when" }), weekly);

describe("structured when", () => {
  it("survives the form and the database unchanged", () => {
    fc.assert(fc.property(when, (w) => {
      expect(whenFormSchema.parse(whenToForm(w))).toEqual(w);
      expect(whenFromColumns(whenToColumns(w))).toEqual(w);
    }), { numRuns: 500 });
  });

  it("is told in every language, never as the raw value", () => {
    fc.assert(fc.property(when, fc.constantFrom("nl", "fr", "en") as fc.Arbitrary<keyof typeof MESSAGES>, fc.boolean(), (w, locale, weekly) => {
      const text = tell(w, locale, weekly);
      expect(text.length).toBeGreaterThan(3);
      expect(text).not.toMatch(/ASAP|MON|TUE|WED|THU|FRI|SAT|SUN|MORNING|AFTERNOON|EVENING|\{|\d{4}-\d\d/);
    }), { numRuns: 300 });
  });

  it("reads as people say it", () => {
    const tuesdayMorning: When = { kind: "WEEKDAY", weekday: "TUE", part: "MORNING" };
    expect(tell(tuesdayMorning, "nl")).toBe("dinsdag, voormiddag");
    expect(tell(tuesdayMorning, "fr")).toBe("mardi, matin");
    expect(tell(tuesdayMorning, "en", true)).toBe("Tuesday, morning, every week");
    // A calendar day stays that day whatever the server's zone.
    expect(tell({ kind: "DATE", date: "2026-12-01", part: null }, "nl")).toBe("dinsdag 1 december");
    // English the European way: day before month.
    expect(tell({ kind: "DATE", date: "2026-12-01", part: null }, "en")).toBe("Tuesday 1 December");
    expect(tell({ kind: "ASAP" }, "fr")).toBe("dès que possible");
  });

  it("asks for the day the chosen kind needs, with translation keys", () => {
    const errors = (input: Record<string, string>) => {
      const r = whenFormSchema.safeParse(input);
      return r.success ? {} : fieldErrors(r.error);
    };
    expect(errors({ whenKind: "DATE" })).toEqual({ whenDate: "whenDateRequired" });
    expect(errors({ whenKind: "DATE", whenDate: "2026-02-30" })).toEqual({ whenDate: "invalidDate" });
    expect(errors({ whenKind: "WEEKDAY" })).toEqual({ whenWeekday: "whenWeekdayRequired" });
    expect(errors({ whenKind: "WEEKDAY", whenWeekday: "FUNDAY" })).toEqual({ whenWeekday: "invalidChoice" });
    expect(errors({ whenKind: "ASAP", whenPart: "NIGHT" })).toEqual({ whenPart: "invalidChoice" });
    // Fields of the kinds not chosen are ignored.
    expect(whenFormSchema.parse({ whenKind: "ASAP", whenDate: "2026-12-01", whenWeekday: "MON", whenPart: "MORNING" })).toEqual({ kind: "ASAP" });
  });
});
