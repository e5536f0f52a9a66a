import { createTranslator, type Messages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";

async function loadMessages(locale: Locale): Promise<Messages> {
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
