import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brandColours } from "@/lib/branding/brand-colours";
import { contrastRatio } from "@/lib/signup/contrast";
import { keepTogether } from "@/lib/text/keep-together";

const hex = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`);

describe("brandColours", () => {
  it("any brand colour yields a shade that carries white text and reads on white and on the page (WCAG AA)", () => {
    fc.assert(fc.property(hex, (colour) => {
      const { brand, strong, tint } = brandColours(colour);
      expect(contrastRatio(brand, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(brand, "#fafafa")).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(strong, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      // Body text (zinc-900) and the brand itself stay readable on the pale wash.
      expect(contrastRatio("#18181b", tint)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(brand, tint)).toBeGreaterThanOrEqual(3);
    }), { numRuns: 500 });
  });

  it("keeps a brand colour that is already readable", () => {
    expect(brandColours("#1d4ed8").brand).toBe("#1d4ed8");
    expect(brandColours("#FFD700").brand).not.toBe("#ffd700");
    expect(brandColours("not a colour").brand).toBe("#1d4ed8");
  });
});

describe("keepTogether", () => {
  it("leaves no breakable space in a value", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(keepTogether(s)).not.toMatch(/ /);
      expect(keepTogether(s).replace(/\u00a0/g, " ")).toBe(s.replace(/\u00a0/g, " "));
    }));
  });
});
