import { describe, expect, it } from "vitest";
import { LOCALES, LOCALE_NAMES, localized, negotiate, pickLocale } from "@/lib/i18n/locales";

describe("locale choice", () => {
  it("negotiates by quality among enabled locales", () => {
    expect(negotiate("de-DE,fr;q=0.8,en;q=0.9", ["nl", "fr", "en"])).toBe("en");
    expect(negotiate("fr-BE,fr;q=0.9", ["nl", "fr"])).toBe("fr");
    expect(negotiate("fr-BE", ["nl", "en"])).toBeUndefined();
    expect(negotiate("en;q=0, nl", ["nl", "en"])).toBe("nl");
    expect(negotiate(null, ["nl"])).toBeUndefined();
    expect(negotiate("de-DE,fr;q=0.8", ["nl", "fr", "en", "de"])).toBe("de");
    expect(negotiate("de-BE,de;q=0.9,fr;q=0.8", ["fr", "de"])).toBe("de");
  });

  it("prefers the cookie, but only when the site enables that language", () => {
    const base = { acceptLanguage: "en", enabled: ["nl", "en"] as const, fallback: "nl" as const };
    expect(pickLocale({ ...base, cookie: "nl" })).toBe("nl");
    expect(pickLocale({ ...base, cookie: "fr" })).toBe("en");
    expect(pickLocale({ ...base, cookie: "xx", acceptLanguage: null })).toBe("nl");
  });

  it("offers German, named in German", () => {
    expect(LOCALES).toContain("de");
    expect(LOCALE_NAMES.de).toBe("Deutsch");
    expect(pickLocale({ cookie: "de", acceptLanguage: "nl", enabled: ["nl", "de"], fallback: "nl" })).toBe("de");
  });

  it("falls back through the label map", () => {
    expect(localized({ nl: "Boodschappen", en: "Groceries" }, "fr", "nl")).toBe("Boodschappen");
    expect(localized({ en: "Groceries" }, "fr", "nl")).toBe("Groceries");
    expect(localized(null, "fr")).toBe("");
  });
});
