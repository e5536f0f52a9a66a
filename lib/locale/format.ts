// Numbers a town shows (prices, distances, durations) through Intl, in the
// reader's language: "12.273,00 €" in Dutch, "€12,273.00" in English.

export function formatPrice(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatKm(km: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: 1 }).format(km);
}

export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 }).format(hours);
}

/** A moment in a town's zone, e.g. "30-11-2026 04:09" for a Dutch reader in Brussels. */
export function formatDateTime(at: Date, locale: string, timeZone: string, style: Intl.DateTimeFormatOptions = { dateStyle: "short", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(at);
}
