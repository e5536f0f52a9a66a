import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone, whatsappLink } from "@/lib/phone/normalize";

describe("phone numbers", () => {
  it.each([
    ["0470 12 34 56", "+32470123456"],
    ["0470/12.34.56", "+32470123456"],
    ["+32 470 12 34 56", "+32470123456"],
    ["0032 470 12 34 56", "+32470123456"],
    ["016 27 22 22", "+3216272222"],
    ["09 210 10 10", "+3292101010"],
    ["+31 6 12345678", "+31612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
  ])("normalises %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "12", "01234", "hello", "+32 470 12 34 56 78 90", "<script>alert(1)</script>", "0".repeat(1000)])(
    "rejects %s",
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it("formats for staff and links to WhatsApp", () => {
    expect(formatPhone("+32470123456")).toBe("0470 12 34 56");
    expect(formatPhone("+31612345678")).toBe("+31 6 12345678");
    expect(whatsappLink("+32470123456")).toBe("https://wa.me/32470123456");
  });
});
