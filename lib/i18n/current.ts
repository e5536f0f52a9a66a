import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/** The request's language as a Locale (next-intl types it as a plain string). */
export async function currentLocale(fallback: Locale = "nl"): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : fallback;
}
