import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contrastRatio, brandReadable } from "@/lib/signup/contrast";
import { findMunicipality } from "@/lib/signup/municipalities";
import { checkLogo } from "@/lib/images/logo";
import { brandingSchema, parseAreas, planSchema } from "@/lib/signup/schemas";
import { slugify } from "@/lib/signup/slug";

describe("sign-up helpers", () => {
  it("suggests subdomains from names", () => {
    expect(slugify("Sint-Niklaas")).toBe("sint-niklaas");
    expect(slugify("Liège")).toBe("liege");
    expect(slugify("  's-Hertogenbosch ")).toBe("s-hertogenbosch");
  });

  it("checks brand colours against white text (WCAG AA)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(brandReadable("#9b1c1c")).toBe(true);
    expect(brandReadable("#ffd700")).toBe(false);
    const parsed = brandingSchema.safeParse({ primaryColor: "#ffd700", phone: "016 27 22 22", locales: ["nl"], defaultLocale: "nl" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["primaryColor"], message: "lowContrast" });
    expect(brandingSchema.safeParse({ primaryColor: "#1d4ed8", phone: "016 27 22 22", locales: ["nl"], defaultLocale: "fr" }).error?.issues[0].message).toBe("defaultNotEnabled");
  });

  it("reads areas line by line, coordinates from the country's postcode list, and names the bad line", () => {
    expect(parseAreas("3000; Centrum\n\n3001", "BE")).toEqual({
      areas: [{ postcode: "3000", name: "Centrum", latitude: 50.8796, longitude: 4.7009 }, { postcode: "3001", name: "Heverlee", latitude: 50.8643, longitude: 4.696 }],
    });
    expect(parseAreas("3000; Centrum\n3001; Heverlee; 50.8; 4.7", "BE")).toEqual({ error: "invalidAreaLine:2" });
    expect(parseAreas("<script>; x", "BE")).toEqual({ error: "invalidAreaLine:1" });
    expect(parseAreas("3000\n9999", "BE")).toEqual({ error: "unknownPostcodeLine:2" });
    expect(parseAreas("L-1111; Centre", "LU")).toEqual({ areas: [{ postcode: "1111", name: "Centre", latitude: 49.6008, longitude: 6.1169 }] });
  });

  it("accepts logos by their bytes, not their names", () => {
    expect(checkLogo(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toEqual({ type: "image/png" });
    expect(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ type: "image/jpeg" });
    expect(checkLogo(new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ error: "logoType" });
    expect(checkLogo(new Uint8Array(600 * 1024))).toEqual({ error: "logoTooLarge" });
  });

  it("knows municipalities from the GeoNames data set", () => {
    const leuven = findMunicipality("BE", "leuven");
    expect(leuven?.population).toBeGreaterThan(50_000);
    expect(leuven?.latitude).toBeCloseTo(50.88, 1);
    expect(findMunicipality("BE", "Atlantis")).toBeUndefined();
  });
});

describe("the last step's acceptance of the platform documents", () => {
  it("passes only with the ticked box, and names the translated error otherwise", () => {
    expect(planSchema.safeParse({ plan: "FREE", acceptTerms: "on" }).success).toBe(true);
    fc.assert(
      fc.property(fc.option(fc.oneof(fc.string(), fc.constantFrom("off", "true", "1", "ON", " on")), { nil: null }), (value) => {
        fc.pre(value !== "on");
        const parsed = planSchema.safeParse({ plan: "PAID", acceptTerms: value });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["acceptTerms", "termsRequired"]]);
      }),
    );
  });
});
