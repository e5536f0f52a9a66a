import { createFormatter } from "next-intl";
import type { EmailBrand } from "@/emails/town-email";
import { PLATFORM_TIME_ZONE } from "@/lib/dates/zoned";
import { isTemplateName, TEMPLATES } from "@/lib/email/templates";
import { emailTranslator, type EmailFormat } from "@/lib/email/translator";
import { formatLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { asCountry } from "@/lib/locale/country";
import { composeSms, type SmsTemplate } from "@/lib/notifications/sms";
import { SMS_TEMPLATES } from "@/lib/notifications/sms-templates";
import { formatPhone } from "@/lib/phone/normalize";

/**
 * One outbox row as its text: the template's words in the person's language
 * with the town's brand, "Town: text link" in one message (composeSms). The
 * data is checked against the template's schema again, so one bad row fails alone.
 */
export async function renderSms(row: { template: string; locale: string; data: unknown }, brand: EmailBrand): Promise<string> {
  if (!isTemplateName(row.template)) throw new Error(`unknown template ${row.template}`);
  const build = SMS_TEMPLATES[row.template] as SmsTemplate<unknown> | undefined;
  if (!build) throw new Error(`no text message for template ${row.template}`);
  const locale: Locale = isLocale(row.locale) ? row.locale : "nl";
  const timeZone = brand.timeZone ?? PLATFORM_TIME_ZONE;
  const country = asCountry(brand.country);
  const t = await emailTranslator(locale, timeZone);
  const f: EmailFormat = Object.assign(createFormatter({ locale: formatLocale(locale), timeZone }), { locale, phone: (n: string) => formatPhone(n, country) });
  const data = TEMPLATES[row.template].schema.parse(row.data);
  const { text, link } = build(t, { ...brand, phone: brand.phone ? f.phone(brand.phone) : brand.phone }, data, f);
  // A text without a link (a code) ends with its words.
  return composeSms(brand.name, text, link).trimEnd();
}
