import { render } from "@react-email/components";
import { createFormatter } from "next-intl";
import { createElement } from "react";
import { TownEmail, type EmailBrand } from "@/emails/town-email";
import { TEMPLATES, type TemplateData, type TemplateName } from "@/lib/email/templates";
import { formatLocale, type Locale } from "@/lib/i18n/locales";
import { PLATFORM_TIME_ZONE } from "@/lib/dates/zoned";
import { emailTranslator, type EmailFormat, type Translator } from "@/lib/email/translator";
import { asCountry } from "@/lib/locale/country";
import { formatPhone } from "@/lib/phone/normalize";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Renders one template, branded for the town and in the recipient's language (HTML + plain text). */
export async function renderTemplate<N extends TemplateName>(
  name: N,
  locale: Locale,
  brand: EmailBrand,
  data: TemplateData<N>,
): Promise<RenderedEmail> {
  const timeZone = brand.timeZone ?? PLATFORM_TIME_ZONE;
  const t = await emailTranslator(locale, timeZone);
  const country = asCountry(brand.country);
  const f: EmailFormat = Object.assign(createFormatter({ locale: formatLocale(locale), timeZone }), { locale, phone: (n: string) => formatPhone(n, country) });
  const shown = { ...brand, phone: brand.phone ? f.phone(brand.phone) : brand.phone };
  const spec = TEMPLATES[name];
  const parsed = spec.schema.parse(data) as TemplateData<N>;
  const body = (spec.build as (t: Translator, b: EmailBrand, d: TemplateData<N>, f: EmailFormat) => ReturnType<typeof spec.build>)(t, shown, parsed, f);
  const footer = shown.phone ? t("email.footerWithPhone", { town: brand.name, phone: shown.phone }) : t("email.footer", { town: brand.name });
  const element = createElement(TownEmail, { brand, locale, content: { ...body, footer } });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: body.subject, html, text };
}
