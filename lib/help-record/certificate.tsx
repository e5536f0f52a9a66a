import { Document, Page, StyleSheet, View } from "@react-pdf/renderer";
import { createTranslator } from "next-intl";
import { formatLocale, type Locale } from "@/lib/i18n/locales";
import { documentMessages } from "@/lib/outreach/props";
import { FONT, INK, Txt, palette } from "@/lib/outreach/shared";

export type CertificateLine = { category: string; minutes: number; visits: number; first: Date | null; last: Date | null };
export type CertificateInput = {
  town: { name: string; primaryColor: string; timeZone: string };
  volunteer: string;
  lines: CertificateLine[];
  locale: Locale;
  made: Date;
};

const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 10, color: INK, paddingBottom: 32 },
  band: { paddingHorizontal: 40, paddingTop: 28, paddingBottom: 18 },
  title: { fontSize: 20, fontWeight: "bold" },
  sub: { fontSize: 11, marginTop: 4 },
  body: { paddingHorizontal: 40, paddingTop: 18 },
  p: { marginBottom: 8, lineHeight: 1.4 },
  head: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: INK, paddingVertical: 3, fontWeight: "bold", marginTop: 8 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#d4d4d8", paddingVertical: 3 },
  first: { flex: 2 },
  period: { flex: 2.4 },
  cell: { flex: 1, textAlign: "right" },
  note: { marginTop: 18, fontSize: 8 },
});

/**
 * A volunteer's certificate of the help a coordinator confirmed: per category
 * the period, hours and visits, and the totals, in the volunteer's language and
 * the town's colour. Built-in fonts: renders offline. Only confirmed logs.
 */
export function helpCertificate({ town, volunteer, lines, locale, made }: CertificateInput) {
  const t = createTranslator({ locale: formatLocale(locale), messages: documentMessages(locale), namespace: "helpRecord" });
  const c = palette(town.primaryColor);
  const hours = (minutes: number) => new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 2 }).format(minutes / 60);
  const n = (v: number) => new Intl.NumberFormat(formatLocale(locale)).format(v);
  // Logged days are calendar days (UTC midnight): show them as such, not shifted into the town's zone.
  const day = (d: Date | null) => (d ? new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(d) : "—");
  const total = lines.reduce((a, l) => ({ minutes: a.minutes + l.minutes, visits: a.visits + l.visits }), { minutes: 0, visits: 0 });
  const title = t("certificateTitle");
  return (
    <Document title={title} author={town.name} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={[s.band, { backgroundColor: c.band }]}>
          <Txt style={[s.title, { color: c.onBand }]}>{title}</Txt>
          <Txt style={[s.sub, { color: c.onBand }]}>{town.name}</Txt>
        </View>
        <View style={s.body}>
          <Txt style={s.p}>{t("certificateIntro", { town: town.name, name: volunteer })}</Txt>
          {lines.length === 0 ? <Txt style={s.p}>{t("certificateNone")}</Txt> : (
            <View>
              <View style={s.head}>
                <Txt style={s.first}>{t("category")}</Txt><Txt style={s.period}>{t("period")}</Txt>
                <Txt style={s.cell}>{t("hours")}</Txt><Txt style={s.cell}>{t("visits")}</Txt>
              </View>
              {lines.map((l) => (
                <View key={l.category} style={s.row}>
                  <Txt style={s.first}>{l.category}</Txt><Txt style={s.period}>{`${day(l.first)} – ${day(l.last)}`}</Txt>
                  <Txt style={s.cell}>{hours(l.minutes)}</Txt><Txt style={s.cell}>{n(l.visits)}</Txt>
                </View>
              ))}
              <View style={[s.row, { fontWeight: "bold" }]}>
                <Txt style={s.first}>{t("total")}</Txt><Txt style={s.period}>{""}</Txt>
                <Txt style={s.cell}>{hours(total.minutes)}</Txt><Txt style={s.cell}>{n(total.visits)}</Txt>
              </View>
            </View>
          )}
          <Txt style={s.note}>{t("certificateNote", { town: town.name, date: new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "long", timeZone: town.timeZone }).format(made) })}</Txt>
        </View>
      </Page>
    </Document>
  );
}
