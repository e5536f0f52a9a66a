import { render } from "@react-email/components";
import { createTranslator, type Messages } from "next-intl";
import type { ReactElement } from "react";
import type { Locale } from "@/lib/i18n/locales";

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default;
}

/** Translator for the e-mail strings, in the recipient's language. */
export async function emailTranslator(locale: Locale) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace: "email" });
}

export type EmailTranslator = Awaited<ReturnType<typeof emailTranslator>>;

export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
