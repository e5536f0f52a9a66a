import { Document, Image, Link, Page, StyleSheet, View } from "@react-pdf/renderer";
import type { OutreachProps } from "./props";
import { FONT, INK, Txt, displayUrl, palette } from "./shared";

const MARGIN = 56; // ~2 cm, a usual letter margin

// Sizes chosen for readers with poorer eyesight: body 14pt, phone 32pt.
const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 14, lineHeight: 1.4, color: INK, paddingBottom: 36 },
  band: { paddingHorizontal: MARGIN, paddingTop: 28, paddingBottom: 20 },
  brand: { fontSize: 28, fontWeight: "bold", lineHeight: 1.2 },
  tagline: { fontSize: 15, marginTop: 2 },
  body: { paddingHorizontal: MARGIN, paddingTop: 26 },
  paragraph: { marginBottom: 10 },
  item: { flexDirection: "row", marginBottom: 2 },
  bullet: { width: 18, fontWeight: "bold" },
  itemText: { flex: 1 },
  callBox: { marginTop: 8, paddingVertical: 12, paddingHorizontal: 16, borderLeftWidth: 6 },
  callLabel: { fontSize: 16, fontWeight: "bold" },
  phone: { fontSize: 32, fontWeight: "bold", lineHeight: 1.25 },
  keepNear: { marginTop: 4, fontStyle: "italic" },
  webRow: { flexDirection: "row", alignItems: "center", marginTop: 14 },
  webText: { flex: 1, paddingRight: 20 },
  url: { fontSize: 16, fontWeight: "bold", marginVertical: 4, textDecoration: "none" },
  qr: { width: 100, height: 100 },
  closing: { marginTop: 14 },
  signature: { marginTop: 4, fontWeight: "bold" },
  footer: { position: "absolute", left: 0, right: 0, bottom: 0, height: 10 },
});

const HELP = ["groceries", "pharmacy", "chat", "company", "jobs"] as const;

export function residentLetter({ town, locale, t, qr, today }: OutreachProps) {
  const c = palette(town.primaryColor);
  const brand = t("brand", { town: town.name });
  return (
    <Document title={t("letter.documentTitle", { town: town.name })} author={brand} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={[s.band, { backgroundColor: c.band }]}>
          <Txt style={[s.brand, { color: c.onBand }]}>{brand}</Txt>
          <Txt style={[s.tagline, { color: c.onBand }]}>{t("tagline")}</Txt>
        </View>

        <View style={s.body}>
          <Txt style={[s.paragraph, { textAlign: "right" }]}>{t("letter.dated", { town: town.name, date: today })}</Txt>
          <Txt style={s.paragraph}>{t("letter.salutation")}</Txt>
          <Txt style={s.paragraph}>{t("letter.intro", { town: town.name })}</Txt>
          <Txt>{t("letter.helpIntro")}</Txt>
          <View style={[s.paragraph, { marginTop: 4 }]}>
            {HELP.map((key) => (
              <View key={key} style={s.item}>
                <Txt style={[s.bullet, { color: c.accent }]}>•</Txt>
                <Txt style={s.itemText}>{t(`letter.help.${key}`)}</Txt>
              </View>
            ))}
          </View>
          <Txt>{t("letter.free")}</Txt>

          <View style={[s.callBox, { backgroundColor: c.tint, borderLeftColor: c.accent }]}>
            <Txt style={s.callLabel}>{t("letter.callLabel")}</Txt>
            <Txt style={[s.phone, { color: c.accent }]}>{town.phone}</Txt>
            <Txt>{t("letter.callHint")}</Txt>
            <Txt style={s.keepNear}>{t("letter.keepNear")}</Txt>
          </View>

          <View style={s.webRow}>
            <View style={s.webText}>
              <Txt>{t("letter.webIntro")}</Txt>
              <Link src={town.siteUrl} style={s.url}>
                <Txt style={{ color: c.accent }}>{displayUrl(town.siteUrl)}</Txt>
              </Link>
              <Txt>{t("letter.scan")}</Txt>
            </View>
            <Image src={qr} style={s.qr} />
          </View>

          {town.email ? <Txt style={s.closing}>{t("letter.email", { email: town.email })}</Txt> : null}

          <Txt style={s.closing}>{t("letter.closing")}</Txt>
          <Txt style={s.signature}>{t("letter.signature", { town: town.name })}</Txt>
        </View>

        <View fixed style={[s.footer, { backgroundColor: c.band }]} />
      </Page>
    </Document>
  );
}
