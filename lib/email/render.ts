import { render } from "@react-email/components";
import { createElement } from "react";
import { TownEmail, type EmailBrand } from "@/emails/town-email";
import { TEMPLATES, type TemplateData, type TemplateName } from "@/lib/email/templates";
import type { Locale } from "@/lib/i18n/locales";
import { emailTranslator, type Translator } from "@/lib/email/translator";

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
