import { Document, Page, StyleSheet, View } from "@react-pdf/renderer";
import { createTranslator } from "next-intl";
import { formatLocale, type Locale } from "@/lib/i18n/locales";
import { formatDuration } from "@/lib/locale/format";
import { documentMessages } from "@/lib/outreach/props";
import { FONT, INK, Txt, palette } from "@/lib/outreach/shared";
import { dayLabel, type CouncilFigures } from "@/lib/stats/council-figures";

export type ReportTown = { name: string; primaryColor: string; timeZone: string };

const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 8, color: INK, paddingBottom: 24 },
  band: { paddingHorizontal: 32, paddingTop: 18, paddingBottom: 12 },
  title: { fontSize: 16, fontWeight: "bold" },
  sub: { fontSize: 9, marginTop: 2 },
  body: { paddingHorizontal: 32, paddingTop: 10 },
  totals: { flexDirection: "row", marginBottom: 10 },
  total: { flex: 1, padding: 5, marginRight: 4 },
  totalValue: { fontSize: 13, fontWeight: "bold" },
  columns: { flexDirection: "row" },
  left: { flex: 3, paddingRight: 12 },
  right: { flex: 2 },
  h: { fontSize: 10, fontWeight: "bold", marginBottom: 3, marginTop: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d4d4d8", paddingVertical: 1 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: INK, paddingVertical: 1, fontWeight: "bold" },
  cell: { flex: 1, textAlign: "right" },
  first: { flex: 1.4 },
  barBox: { flex: 2, flexDirection: "row", alignItems: "center" },
  note: { marginTop: 8, fontSize: 7 },
});

/**
 * The council's one-page report: the same figures as the dashboard for the
 * chosen period (totals; per day or week a table with a bar for requests;
 * requests by source and category; open requests and volunteers per
 * neighbourhood), in the town's colour. Built-in fonts: renders offline.
 */
export function councilReport({ town, figures: { period, trends, neighbourhoods }, locale, made }: { town: ReportTown; figures: CouncilFigures; locale: Locale; made: Date }) {
  const messages = documentMessages(locale);
  const t = createTranslator({ locale: formatLocale(locale), messages, namespace: "trends" });
  const te = createTranslator({ locale: formatLocale(locale), messages, namespace: "enums" });
  const c = palette(town.primaryColor);
  const n = (v: number) => new Intl.NumberFormat(formatLocale(locale)).format(v);
  const d = (v: number | null) => formatDuration(v, locale);
  const requests = period.buckets.map((_, b) => trends.bySource.reduce((sum, x) => sum + x.counts[b], 0));
  const most = Math.max(1, ...requests);
  const title = t("reportTitle", { town: town.name });
  const totals: [string, string][] = [
    [t("requests"), n(trends.totals.requests)], [t("offers"), n(trends.totals.offers)], [t("matches"), n(trends.totals.matches)],
    [t("medianFirstOffer"), d(trends.totals.toFirstOffer)], [t("medianMatch"), d(trends.totals.toMatch)], [t("backlog"), n(trends.totals.backlog)],
  ];
  const small = (heading: string, columns: string[], rows: string[][]) => (
    <View wrap={false}>
      <Txt style={[s.h, { color: c.accent }]}>{heading}</Txt>
      <View style={s.head}>{columns.map((col, i) => <Txt key={i} style={i === 0 ? s.first : s.cell}>{col}</Txt>)}</View>
      {rows.map((r, k) => <View key={k} style={s.row}>{r.map((v, i) => <Txt key={i} style={i === 0 ? s.first : s.cell}>{v}</Txt>)}</View>)}
    </View>
  );
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  return (
    <Document title={title} author={town.name} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={[s.band, { backgroundColor: c.band }]}>
          <Txt style={[s.title, { color: c.onBand }]}>{title}</Txt>
          <Txt style={[s.sub, { color: c.onBand }]}>{t("reportPeriod", { from: dayLabel(period.fromDay, locale, "long"), to: dayLabel(period.toDay, locale, "long") })}</Txt>
          <Txt style={[s.sub, { color: c.onBand }]}>{t("reportMade", { date: new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "long", timeZone: town.timeZone }).format(made) })}</Txt>
        </View>
        <View style={s.body}>
          <View style={s.totals}>
            {totals.map(([label, value]) => (
              <View key={label} style={[s.total, { backgroundColor: c.tint }]}><Txt>{label}</Txt><Txt style={s.totalValue}>{value}</Txt></View>
            ))}
          </View>
          <View style={s.columns}>
            <View style={s.left}>
              <Txt style={[s.h, { color: c.accent }]}>{`${t("heading")} (${t(period.bucket === "day" ? "perDay" : "perWeek")})`}</Txt>
              <View style={s.head}>
                {[t(period.bucket === "day" ? "day" : "week"), t("requests"), t("offers"), t("matches"), t("medianFirstOffer"), t("medianMatch"), t("backlogSeries")].map((col, i) => (
                  <Txt key={i} style={i === 0 ? s.first : i === 1 ? [s.barBox, { textAlign: "left" }] : s.cell}>{col}</Txt>
                ))}
              </View>
              {period.buckets.map((bucket, b) => (
                <View key={bucket.day} style={s.row}>
                  <Txt style={s.first}>{dayLabel(bucket.day, locale, "short")}</Txt>
                  <View style={s.barBox}>
                    <View style={{ width: `${(70 * requests[b]) / most}%`, height: 5, backgroundColor: c.accent, marginRight: 3 }} />
                    <Txt>{n(requests[b])}</Txt>
                  </View>
                  <Txt style={s.cell}>{n(trends.offers[b])}</Txt>
                  <Txt style={s.cell}>{n(trends.matches[b])}</Txt>
                  <Txt style={s.cell}>{d(trends.toFirstOffer[b])}</Txt>
                  <Txt style={s.cell}>{d(trends.toMatch[b])}</Txt>
                  <Txt style={s.cell}>{n(trends.backlog[b])}</Txt>
                </View>
              ))}
            </View>
            <View style={s.right}>
              {small(t("bySource"), ["", t("requests")], trends.bySource.map((x) => [te(`source.${x.source}` as "source.ONLINE"), n(sum(x.counts))]))}
              {small(t("byCategory"), ["", t("requests")], trends.byCategory.map((x) => [x.label, n(sum(x.counts))]))}
              {small(t("map"), [t("neighbourhood"), t("openRequests"), t("volunteers")], [
                ...neighbourhoods.areas.map((a) => [`${a.name} (${a.postcode})`, n(a.openRequests), n(a.volunteers)]),
                ...(neighbourhoods.elsewhere.openRequests + neighbourhoods.elsewhere.volunteers > 0 ? [[t("elsewhere"), n(neighbourhoods.elsewhere.openRequests), n(neighbourhoods.elsewhere.volunteers)]] : []),
              ])}
              <Txt style={s.note}>{t("reportNote")}</Txt>
            </View>
          </View>
        </View>
      </Page>
    </Document>
  );
}
