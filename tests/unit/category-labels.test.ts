import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categoryLabelsSchema, keyFromLabel, LABEL_MAX } from "@/lib/categories/schemas";
import { LOCALES } from "@/lib/i18n/locales";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 70 }), fc.constantFrom("", "   ", "\u0000", "Soep\u0007", "\ud800x", " Boodschappen "));

describe("category labels", () => {
  it("need a label in each language the town offers, cleaned, and say which one is missing (generated)", () => {
    fc.assert(fc.property(fc.subarray([...LOCALES], { minLength: 1 }), fc.record({ nl: text, fr: text, en: text, de: text }), (offered, typed) => {
      const form = { offered, label_nl: typed.nl, label_fr: typed.fr, label_en: typed.en, label_de: typed.de };
      const parsed = categoryLabelsSchema.safeParse(form);
      if (parsed.success) {
        expect(Object.keys(parsed.data.labels).sort()).toEqual([...offered].sort());
        for (const label of Object.values(parsed.data.labels)) {
          expect(label.length).toBeGreaterThan(0);
          expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
          expect(label).toBe(label.trim());
          expect(CONTROL.test(label) || !label.isWellFormed()).toBe(false);
        }
      } else {
        for (const issue of parsed.error.issues) {
          expect(["required", "tooLong"]).toContain(issue.message);
          expect(offered.map((l) => `label_${l}`)).toContain(issue.path[0]);
        }
      }
    }), { numRuns: 500 });
  });

  it("ignore languages the town does not offer", () => {
    expect(categoryLabelsSchema.parse({ offered: ["nl"], label_nl: " Soep ", label_fr: "" })).toEqual({ labels: { nl: "Soep" } });
    expect(categoryLabelsSchema.safeParse({ offered: ["nl", "fr"], label_nl: "Soep" }).error?.issues).toMatchObject([{ path: ["label_fr"], message: "required" }]);
  });

  it("make keys of lowercase letters, digits and single hyphens from any label (generated)", () => {
    expect(keyFromLabel("Hond uitlaten")).toBe("hond-uitlaten");
    expect(keyFromLabel("Garde d'enfants")).toBe("garde-d-enfants");
    expect(keyFromLabel("Einkäufe")).toBe("einkaufe");
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (label) => {
      expect(keyFromLabel(label)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(keyFromLabel(label).length).toBeLessThanOrEqual(32);
    }), { numRuns: 500 });
  });
});
