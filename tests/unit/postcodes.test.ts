import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPostcode, fold, normalisePostcode, postcodeList, searchPostcodes } from "@/lib/areas/postcodes";
import { COUNTRIES } from "@/lib/locale/country";

describe("the shipped postcode lists", () => {
  it("hold every country the wizard offers, with plausible coordinates", () => {
    const known = { BE: ["3000", "Leuven"], NL: ["1011", "Amsterdam"], LU: ["1111", "Luxembourg"], FR: ["75001", "Paris"], DE: ["10115", "Berlin"] } as const;
    for (const country of COUNTRIES) {
      const list = postcodeList(country);
      expect(list.length, country).toBeGreaterThan(1000);
      for (const p of list) expect(Number.isFinite(p.latitude) && Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180, `${country} ${p.postcode}`).toBe(true);
      const [code, place] = known[country];
      expect(findPostcode(country, code)?.place, country).toContain(place);
    }
  });

  it("read postcodes as people write them", () => {
    expect(normalisePostcode("LU", "l-1111")).toBe("1111");
    expect(normalisePostcode("NL", "1011 ab")).toBe("1011");
    expect(normalisePostcode("NL", "1011AB")).toBe("1011");
    expect(findPostcode("BE", " 3001 ")?.place).toBe("Heverlee");
    expect(findPostcode("BE", "3000", "LEUVEN")?.latitude).toBeCloseTo(50.88, 1);
    expect(findPostcode("BE", "3000", "Gent")).toBeUndefined();
    expect(findPostcode("BE", "9999")).toBeUndefined();
  });

  it("search by postcode prefix, or by place name ignoring case and accents", () => {
    expect(searchPostcodes("BE", "liege").some((p) => p.place === "Liège" && p.postcode === "4000")).toBe(true);
    expect(searchPostcodes("DE", "münchen")[0].place).toMatch(/^München/);
    expect(searchPostcodes("LU", "L-11").every((p) => p.postcode.startsWith("11"))).toBe(true);
    expect(searchPostcodes("FR", "   ")).toEqual([]);
    expect(searchPostcodes("FR", "75", 5)).toHaveLength(5);
  });

  it("find every listed entry again, and every search result matches what was typed (generated)", () => {
    fc.assert(fc.property(fc.constantFrom(...COUNTRIES), fc.nat(), (country, n) => {
      const list = postcodeList(country);
      const entry = list[n % list.length];
      expect(findPostcode(country, entry.postcode, entry.place)).toEqual(entry);
      const prefix = entry.postcode.slice(0, 1 + (n % entry.postcode.length));
      const byCode = searchPostcodes(country, prefix);
      expect(byCode.length).toBeGreaterThan(0);
      for (const p of byCode) expect(p.postcode.startsWith(normalisePostcode(country, prefix))).toBe(true);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.constantFrom(...COUNTRIES), fc.string({ maxLength: 12 }), (country, text) => {
      const found = searchPostcodes(country, text);
      expect(found.length).toBeLessThanOrEqual(20);
      if (text.trim() && !/^[0-9]/.test(text.trim()) && !(country === "LU" && /^L-?\d/i.test(text.trim()))) {
        for (const p of found) expect(fold(p.place)).toContain(fold(text));
      }
    }), { numRuns: 300 });
  });
});
