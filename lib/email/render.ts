import { render } from "@react-email/components";
import { createTranslator, type Messages } from "next-intl";
import { createElement } from "react";
import { TownEmail, type EmailBrand } from "@/emails/town-email";
import { TEMPLATES, type TemplateData, type TemplateName } from "@/lib/email/templates";
import type { Locale } from "@/lib/i18n/locales";

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default;
}

/** All strings, in the recipient's language. A missing key throws instead of sending "email.x.y". */
export async function emailTranslator(locale: Locale) {
  const messages = await loadMessages(locale);
  return createTranslator({
    locale,
    messages,
    onError: (error) => {
      throw error;
    },
  });
}

export type Translator = Awaited<ReturnType<typeof emailTranslator>>;

export type RenderedEmail = { subject: string; html: string; text: string };

/** Renders one template, branded for the town and in the recipient's language (HTML + plain text). */
export async function renderTemplate<N extends TemplateName>(
  name: N,
  locale: Locale,
  brand: EmailBrand,
  data: TemplateData<N>,
): Promise<RenderedEmail> {
  const t = await emailTranslator(locale);
  const spec = TEMPLATES[name];
  const parsed = spec.schema.parse(data) as TemplateData<N>;
  const body = (spec.build as (t: Translator, b: EmailBrand, d: TemplateData<N>) => ReturnType<typeof spec.build>)(t, brand, parsed);
  const footer = brand.phone ? t("email.footerWithPhone", { town: brand.name, phone: brand.phone }) : t("email.footer", { town: brand.name });
  const element = createElement(TownEmail, { brand, locale, content: { ...body, footer } });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: body.subject, html, text };
}
