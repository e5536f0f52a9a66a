import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeSms, SMS_LENGTH, toGsm } from "@/lib/notifications/sms";

const GSM = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const shortLink = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9]{0,12}$/)).map(([town, path]) => `https://${town}.helpt.be/r/${path}`);
const anyText = fc.string({ unit: "grapheme", maxLength: 400 });

describe("an SMS", () => {
  it("is one message of plain GSM text, with the town's name first and the short link whole at the end", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }), anyText, shortLink, (town, text, link) => {
      const sms = composeSms(town, text, link);
      expect(sms.length).toBeLessThanOrEqual(SMS_LENGTH);
      expect([...sms].every((c) => GSM.includes(c))).toBe(true);
      expect(sms).not.toMatch(/[\n\r]/);
      expect(sms.endsWith(link)).toBe(true);
      expect(sms.startsWith(toGsm(town).slice(0, 30))).toBe(true);
    }), { numRuns: 500 });
  });

  it("keeps a short message as written, in the person's language, accents GSM lacks made plain", () => {
    expect(composeSms("Sint-Genesius-Rode", "Uw financiële aanvraag K7QM-3XDP is ontvangen.\nWe bellen u vandaag.", "https://rode.helpt.be/r/K7QM"))
      .toBe("Sint-Genesius-Rode: Uw financiele aanvraag K7QM-3XDP is ontvangen. We bellen u vandaag. https://rode.helpt.be/r/K7QM");
    expect(composeSms("Liège", "Votre demande est reçue: 5 €.", "https://liege.helpt.be/r/A")).toBe("Liège: Votre demande est recue: 5 ?. https://liege.helpt.be/r/A");
  });

  it("ends with its words when it has no link (a resident's text: a reference and a number to call)", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }), anyText, (town, text) => {
      const sms = composeSms(town, text, "");
      expect(sms.length).toBeLessThanOrEqual(SMS_LENGTH);
      expect(sms).toBe(sms.trimEnd());
    }), { numRuns: 300 });
  });

  it("refuses a link that is not short", () => {
    expect(() => composeSms("Leuven", "Hallo", `https://leuven.helpt.be/${"x".repeat(80)}`)).toThrow(RangeError);
  });
});
