import { getLocale } from "next-intl/server";
import { baseLocale, type Locale } from "@/lib/i18n/locales";

/** The request's language as a Locale (next-intl's locale is the formatting tag, e.g. "en-GB"). */
export async function currentLocale(fallback: Locale = "nl"): Promise<Locale> {
  return baseLocale(await getLocale()) ?? fallback;
}
