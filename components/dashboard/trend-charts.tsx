import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { formatLocale, type Locale } from "@/lib/i18n/locales";
import { formatDuration } from "@/lib/locale/format";
import { dayLabel, type CouncilFigures } from "@/lib/stats/council-figures";

const HOUR = 3600;

/** The dashboard's five trend charts, each with its table. */
export async function TrendCharts({ figures: { period, trends }, locale }: { figures: CouncilFigures; locale: Locale }) {
  const [t, te] = await Promise.all([getTranslations("trends"), getTranslations("enums")]);
  const labels = period.buckets.map((b) => dayLabel(b.day, locale, "short"));
  const bucket = t(period.bucket === "day" ? "perDay" : "perWeek");
  const text = (key: "bySource" | "byCategory" | "activity" | "speed" | "backlogTitle", desc: string) => ({
    title: t(key), description: t(desc as "bySourceDesc", { bucket }), showTable: t("showTable"), bucketHeading: t(period.bucket === "day" ? "day" : "week"),
  });
  const count = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat(formatLocale(locale)).format(v));
  // Medians are drawn in hours (round axis steps), written in a fitting unit.
  const hours = (v: number | null) => formatDuration(v === null ? null : v * HOUR, locale);
  const inHours = (s: (number | null)[]) => s.map((v) => (v === null ? null : v / HOUR));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <BarChart id="by-source" text={text("bySource", "bySourceDesc")} labels={labels} format={count}
        series={trends.bySource.map((s) => ({ name: te(`source.${s.source}` as "source.ONLINE"), values: s.counts }))} />
      <BarChart id="by-category" text={text("byCategory", "byCategoryDesc")} labels={labels} format={count}
        series={trends.byCategory.map((c) => ({ name: c.label, values: c.counts }))} />
      <LineChart id="activity" text={text("activity", "activityDesc")} labels={labels} format={count}
        series={[{ name: t("offers"), values: trends.offers }, { name: t("matches"), values: trends.matches }]} />
      <LineChart id="speed" text={text("speed", "speedDesc")} labels={labels} format={hours}
        series={[{ name: t("medianFirstOffer"), values: inHours(trends.toFirstOffer) }, { name: t("medianMatch"), values: inHours(trends.toMatch) }]} />
      <LineChart id="backlog" text={text("backlogTitle", "backlogDesc")} labels={labels} format={count}
        series={[{ name: t("backlogSeries"), values: trends.backlog }]} />
    </div>
  );
}
