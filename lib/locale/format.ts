// Numbers a town shows (prices, distances, durations) through Intl, in the
// reader's language: "€ 12.273,00" in Dutch, "€12,273.00" in English.

import { formatLocale, type FormatLocale, type Locale } from "@/lib/i18n/locales";

export function formatPrice(cents: number, locale: Locale | FormatLocale): string {
  return new Intl.NumberFormat(formatLocale(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A measure to one decimal ("1,5" in Dutch), for messages that carry their own unit ("{hours} u"). */
export function formatDecimal(value: number, locale: Locale | FormatLocale): string {
  return new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 1 }).format(value);
}
