import { createFormatter, createTranslator, type Messages } from "next-intl";
import { PLATFORM_TIME_ZONE } from "@/lib/dates/zoned";
import { formatLocale, type Locale } from "@/lib/i18n/locales";

async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default;
}

/** All strings, in the recipient's language, times on `timeZone`'s clock. A missing key throws instead of sending "email.x.y". */
export async function emailTranslator(locale: Locale, timeZone = PLATFORM_TIME_ZONE) {
  const messages = await loadMessages(locale);
  return createTranslator({
    locale: formatLocale(locale),
    messages,
    timeZone,
    onError: (error) => {
      throw error;
    },
  });
}

export type Translator = Awaited<ReturnType<typeof emailTranslator>>;

/** Numbers and dates in the recipient's language, times on the town's clock; phone numbers as the town's country writes them. */
export type EmailFormat = ReturnType<typeof createFormatter> & { locale: Locale; phone: (number: string) => string };
