import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { emailTranslator, type EmailFormat } from "@/lib/email/translator";
import { formatLocale, LOCALES } from "@/lib/i18n/locales";
import { composeSms, SMS_LENGTH, toGsm } from "@/lib/notifications/sms";
import { SMS_TEMPLATES } from "@/lib/notifications/sms-templates";
import { formatPhone } from "@/lib/phone/normalize";

// The longest town name of Belgium's sign-up list, so every language is tried at its tightest.
const BRAND = { name: "Sint-Genesius-Rode", primaryColor: "#1d4ed8", phone: "+3223800000", country: "BE" };

async function sms(locale: (typeof LOCALES)[number], template: "request-received" | "request-matched", data: never) {
  const t = await emailTranslator(locale, "Europe/Brussels");
  const f: EmailFormat = Object.assign(createFormatter({ locale: formatLocale(locale), timeZone: "Europe/Brussels" }), { locale, phone: (n: string) => formatPhone(n, "BE") });
  const { text, link } = SMS_TEMPLATES[template]!(t, BRAND, data, f);
  return composeSms(BRAND.name, text, link);
}

describe("the texts a resident without internet receives", () => {
  it.each(LOCALES)("confirm the reference and the town's number in one whole message (%s)", async (locale) => {
    const text = await sms(locale, "request-received", { reference: "K7QM-3XDP", receivedAt: "2026-11-30T03:09:00.000Z" } as never);
    expect(text.length).toBeLessThanOrEqual(SMS_LENGTH);
    expect(text).toContain("K7QM-3XDP");
    expect(text).toContain(toGsm(formatPhone(BRAND.phone, "BE")));
    expect(text).not.toContain("...");
  });

  it.each(LOCALES)("name the volunteer who will call, today in a crisis (%s)", async (locale) => {
    const soon = await sms(locale, "request-matched", { reference: "K7QM-3XDP", volunteerName: "Anna" } as never);
    const today = await sms(locale, "request-matched", { reference: "K7QM-3XDP", volunteerName: "Anna", callToday: true } as never);
    for (const text of [soon, today]) {
      expect(text.length).toBeLessThanOrEqual(SMS_LENGTH);
      expect(text).toMatch(/^Sint-Genesius-Rode: Anna .*K7QM-3XDP/);
      expect(text).not.toContain("...");
    }
    expect(today).not.toBe(soon);
  });
});
