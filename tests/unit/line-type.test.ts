import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMobileNumber } from "@/lib/phone/line-type";

describe("whether a number can receive a text", () => {
  it.each([
    ["0470 12 34 56", "BE", true], ["+32 470 12 34 56", "BE", true], ["016 27 22 22", "BE", false], ["02 380 00 00", "BE", false],
    ["06 12345678", "NL", true], ["020 123 4567", "NL", false], ["0151 12345678", "DE", true], ["030 1234567", "DE", false],
    ["06 12 34 56 78", "FR", true], ["01 23 45 67 89", "FR", false],
    // Where numbers do not tell (FIXED_LINE_OR_MOBILE), a text is worth trying.
    ["(202) 555-0123", "US", true],
  ] as const)("%s in %s: %s", (number, country, mobile) => {
    expect(isMobileNumber(number, country)).toBe(mobile);
  });

  it("is never a mobile for what is not a valid number", () => {
    fc.assert(fc.property(fc.string({ maxLength: 4 }), (s) => !isMobileNumber(s, "BE")));
  });
});
