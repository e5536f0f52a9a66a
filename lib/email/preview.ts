import { renderTemplate } from "@/lib/email/render";
import { TEMPLATES, type TemplateName } from "@/lib/email/templates";
import type { Locale } from "@/lib/i18n/locales";

const SAMPLE_BRAND = { name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22" };

/** A template rendered with its sample data, for the development preview. */
export function renderSample(name: TemplateName, locale: Locale) {
  return renderTemplate(name, locale, SAMPLE_BRAND, TEMPLATES[name].sample as never);
}
