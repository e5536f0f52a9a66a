import { formatLocale, type Locale } from "@/lib/i18n/locales";
import { neighbourhoodFigures } from "@/lib/stats/neighbourhoods";
import { parsePeriod } from "@/lib/stats/period";
import { dashboardTrends } from "@/lib/stats/trends";

type Query = Record<string, string | string[] | undefined>;

/** What the dashboard and the council's PDF both show, for the period the URL asks for. */
export async function councilFigures(tenant: { id: string; defaultLocale: Locale; timeZone: string }, query: Query, locale: Locale, now = new Date()) {
  const period = parsePeriod(query, tenant.timeZone, now);
  const [trends, neighbourhoods] = await Promise.all([dashboardTrends(tenant, period, locale), neighbourhoodFigures(tenant)]);
  return { period, trends, neighbourhoods };
}

export type CouncilFigures = Awaited<ReturnType<typeof councilFigures>>;

/** A calendar day "YYYY-MM-DD" as the reader writes it: "3 dec." (short) or "3 december 2026" (long). */
export function dayLabel(ymd: string, locale: Locale, style: "short" | "long"): string {
  const options: Intl.DateTimeFormatOptions = style === "short" ? { day: "numeric", month: "short" } : { dateStyle: "long" };
  // Noon UTC of that day, formatted in UTC: the same calendar day in every zone.
  return new Intl.DateTimeFormat(formatLocale(locale), { ...options, timeZone: "UTC" }).format(new Date(`${ymd}T12:00:00Z`));
}
