import fc from "fast-check";
import { getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvSeparator } from "@/lib/csv/write";
import { localTimestamp } from "@/lib/dates/zoned";
import { COUNTRIES, COUNTRY_TIME_ZONES, defaultTimeZone } from "@/lib/locale/country";
import { baseLocale, formatLocale, LOCALES } from "@/lib/i18n/locales";
import { formatDecimal, formatPrice } from "@/lib/locale/format";
import { formatPhone, normalizePhone, townPhone } from "@/lib/phone/normalize";

/** Valid mobile numbers of a country: its example number with the last digits replaced. */
const numbersOf = (country: (typeof COUNTRIES)[number]) => {
  const example = getExampleNumber(country, examples)!.nationalNumber;
  return fc.stringMatching(/^\d{4}$/)
    .map((tail) => `+${getExampleNumber(country, examples)!.countryCallingCode}${example.slice(0, -4)}${tail}`)
    .filter((n) => parsePhoneNumberFromString(n)?.isValid() ?? false);
};

describe("phone numbers by the town's country", () => {
  it.each(COUNTRIES)("a number of %s reads nationally at home, internationally elsewhere, and both read back", (home) => {
    fc.assert(fc.property(numbersOf(home), fc.constantFrom(...COUNTRIES.filter((c) => c !== home)), (e164, elsewhere) => {
      const national = formatPhone(e164, home);
      expect(national.startsWith("+")).toBe(false);
      expect(normalizePhone(national, home)).toBe(e164);
      const international = formatPhone(e164, elsewhere);
      expect(international.startsWith("+")).toBe(true);
      expect(normalizePhone(international, elsewhere)).toBe(e164);
    }), { numRuns: 50 });
  });

  it("keeps a Belgian town's own number as the town writes it", () => {
    expect(normalizePhone("015 29 76 00", "BE")).toBe("+3215297600");
    expect(formatPhone("+3215297600", "BE")).toBe("015 29 76 00");
    // On pages the number never breaks across lines: no-break spaces.
    expect(townPhone({ phone: "+3215297600", country: "BE" })).toEqual({ text: "015\u00a029\u00a076\u00a000", href: "tel:+3215297600" });
  });

  it("reads a Dutch town's number as Dutch, and a Belgian one there internationally", () => {
    expect(normalizePhone("020 123 4567", "NL")).toBe("+31201234567");
    expect(formatPhone("+31201234567", "NL")).toBe("020 123 4567");
    expect(formatPhone("+3215297600", "NL")).toBe("+32 15 29 76 00");
    expect(formatPhone("+31201234567", "BE")).toBe("+31 20 123 4567");
  });

  it("reads numbers saved before normalising as the town's own", () => {
    expect(formatPhone("016 27 22 22", "BE")).toBe("016 27 22 22");
    expect(formatPhone("not a number", "BE")).toBe("not a number");
  });
});

describe("numbers by the reader's language", () => {
  it("writes prices with Intl, never toFixed", () => {
    expect(formatPrice(1_227_300, "nl")).toBe("€\u00a012.273,00");
    expect(formatPrice(1_227_300, "fr")).toBe("12\u202f273,00\u00a0€");
    expect(formatPrice(1_227_300, "en")).toBe("€12,273.00");
  });

  it("writes measures with the language's decimal sign", () => {
    expect(formatDecimal(1.5, "nl")).toBe("1,5");
    expect(formatDecimal(1.5, "fr")).toBe("1,5");
    expect(formatDecimal(1.5, "en")).toBe("1.5");
    expect(formatDecimal(1.04, "nl")).toBe("1");
  });
});

describe("dates by the reader's language", () => {
  // Every language the app speaks writes the day before the month and the
  // hour on a 24-hour clock, English included (no "11/30/26, 3:09 AM").
  const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true });
  it.each(LOCALES)("%s: day before month, 24-hour clock, in every style the pages use", (locale) => {
    fc.assert(fc.property(instant, fc.constantFrom("short", "medium", "long", "full") as fc.Arbitrary<"short" | "medium" | "long" | "full">, (at, dateStyle) => {
      const parts = new Intl.DateTimeFormat(formatLocale(locale), { dateStyle, timeStyle: "short", timeZone: "Europe/Brussels" }).formatToParts(at);
      const types = parts.map((p) => p.type);
      expect(types.indexOf("day")).toBeLessThan(types.indexOf("month"));
      expect(types).not.toContain("dayPeriod");
    }), { numRuns: 100 });
  });

  it("formats with the region tag and reads the language back", () => {
    expect(LOCALES.map((l) => baseLocale(formatLocale(l)))).toEqual([...LOCALES]);
    expect(formatLocale("en")).toBe("en-GB");
    expect(formatLocale("en-GB")).toBe("en-GB");
    expect(baseLocale("xx-GB")).toBeUndefined();
  });
});

describe("time zones by country", () => {
  it("defaults each country to its own zone", () => {
    expect(COUNTRY_TIME_ZONES).toEqual({ BE: "Europe/Brussels", NL: "Europe/Amsterdam", FR: "Europe/Paris", LU: "Europe/Luxembourg", DE: "Europe/Berlin" });
    expect(defaultTimeZone("XX")).toBe("Europe/Brussels");
  });

  it("writes an instant as the town's wall clock, across the summer-time change", () => {
    expect(localTimestamp(new Date("2026-11-30T03:09:00Z"), "Europe/Brussels")).toBe("2026-11-30 04:09:00");
    expect(localTimestamp(new Date("2026-03-29T00:59:59Z"), "Europe/Brussels")).toBe("2026-03-29 01:59:59");
    expect(localTimestamp(new Date("2026-03-29T01:00:00Z"), "Europe/Brussels")).toBe("2026-03-29 03:00:00");
    expect(localTimestamp(new Date("2026-11-30T23:30:00Z"), "Europe/Amsterdam")).toBe("2026-12-01 00:30:00");
  });
});

describe("CSV for the reader's spreadsheet", () => {
  it("separates with semicolons where Excel expects them (nl, fr, de) and commas elsewhere", () => {
    expect(["nl", "fr", "de", "nl-BE", "en"].map(csvSeparator)).toEqual([";", ";", ";", ";", ","]);
  });

  it("quotes exactly the cells that hold the separator, quotes or line breaks, and defuses formulas", () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), fc.constantFrom(";", ","), (cells, sep) => {
      const line = csvLine(cells, sep);
      expect(line.endsWith("\r\n")).toBe(true);
      // Read it back the way a spreadsheet does (RFC 4180).
      const back: string[] = [];
      let cell = "", quoted = false;
      const body = line.slice(0, -2);
      for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (quoted) {
          if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
        } else if (ch === '"' && cell === "") quoted = true;
        else if (ch === sep) { back.push(cell); cell = ""; } else cell += ch;
      }
      back.push(cell);
      expect(back).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    }));
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("a,b", ";")).toBe("a,b");
  });
});
