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

/** A length of time in the reader's language and a fitting unit ("35 min", "5,5 u.", "3 days"); "—" when there is none. */
export function formatDuration(seconds: number | null, locale: Locale | FormatLocale): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const [value, unit] = seconds < 3600 ? [seconds / 60, "minute"] : seconds < 48 * 3600 ? [seconds / 3600, "hour"] : [seconds / 86400, "day"];
  return new Intl.NumberFormat(formatLocale(locale), { style: "unit", unit, unitDisplay: unit === "day" ? "long" : "short", maximumFractionDigits: unit === "minute" ? 0 : 1 }).format(value);
}
