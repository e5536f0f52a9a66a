import { Document, Image, Link, Page, StyleSheet, View } from "@react-pdf/renderer";
import type { OutreachProps } from "./props";
import { FONT, INK, Txt, displayUrl, fitFontSize, palette } from "./shared";

const PAGE_WIDTH = 595; // A4 in points
const MARGIN = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const TEAR_OFF_TABS = 8;
const TAB_WIDTH = PAGE_WIDTH / TEAR_OFF_TABS;
const TAB_HEIGHT = 130;
const TAB_PADDING = 6;
const QR_SIZE = 150;

const s = StyleSheet.create({
  page: { fontFamily: FONT, color: INK, textAlign: "center" },
  band: { paddingVertical: 26, paddingHorizontal: MARGIN },
  brand: { fontSize: 34, fontWeight: "bold" },
  body: { flexGrow: 1, paddingHorizontal: MARGIN, alignItems: "center", justifyContent: "center" },
  headline: { fontSize: 64, fontWeight: "bold", lineHeight: 1.15 },
  lead: { fontSize: 28, marginTop: 12 },
  phone: { fontWeight: "bold", marginTop: 6, lineHeight: 1.2 },
  help: { fontSize: 20, lineHeight: 1.4, marginTop: 20 },
  webRow: { flexDirection: "row", alignItems: "center", marginTop: 36, textAlign: "left" },
  qr: { width: QR_SIZE, height: QR_SIZE },
  webText: { width: CONTENT_WIDTH - QR_SIZE - 24, marginLeft: 24 },
  webLabel: { fontSize: 20 },
  url: { fontWeight: "bold", marginVertical: 6, textDecoration: "none" },
  scan: { fontSize: 15 },
  tearOff: { fontSize: 11, marginBottom: 4 },
  tabs: { flexDirection: "row", borderTopWidth: 1, borderStyle: "dashed", borderColor: "#9ca3af" },
  tab: { width: TAB_WIDTH, height: TAB_HEIGHT, borderStyle: "dashed", borderColor: "#9ca3af" },
  // Laid out horizontally, then turned a quarter so the strip reads bottom-to-top.
  tabText: {
    position: "absolute",
    width: TAB_HEIGHT,
    height: TAB_WIDTH,
    left: (TAB_WIDTH - TAB_HEIGHT) / 2,
    top: (TAB_HEIGHT - TAB_WIDTH) / 2,
    transform: "rotate(-90deg)",
    justifyContent: "center",
    paddingHorizontal: TAB_PADDING,
  },
});

export function poster({ town, locale, t, qr }: OutreachProps) {
  const c = palette(town.primaryColor);
  const brand = t("brand", { town: town.name });
  const url = displayUrl(town.siteUrl);
  return (
    <Document title={t("poster.documentTitle", { town: town.name })} author={brand} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={[s.band, { backgroundColor: c.band }]}>
          <Txt style={[s.brand, { color: c.onBand }]}>{brand}</Txt>
        </View>

        <View style={s.body}>
          <Txt style={s.headline}>{t("poster.headline")}</Txt>
          <Txt style={s.lead}>{t("poster.lead", { town: town.name })}</Txt>
          <Txt style={[s.phone, { color: c.accent, fontSize: fitFontSize(town.phone, 76, CONTENT_WIDTH) }]}>{town.phone}</Txt>
          <Txt style={s.help}>{t("poster.help")}</Txt>

          <View style={s.webRow}>
            <Image src={qr} style={s.qr} />
            <View style={s.webText}>
              <Txt style={s.webLabel}>{t("poster.web")}</Txt>
              <Link src={town.siteUrl} style={[s.url, { fontSize: fitFontSize(url, 24, s.webText.width) }]}>
                <Txt style={{ color: c.accent }}>{url}</Txt>
              </Link>
              <Txt style={s.scan}>{t("poster.scan")}</Txt>
            </View>
          </View>
        </View>

        <Txt style={s.tearOff}>{t("poster.tearOff")}</Txt>
        <View style={s.tabs}>
          {Array.from({ length: TEAR_OFF_TABS }, (_, i) => (
            <View key={i} style={[s.tab, { borderLeftWidth: i === 0 ? 0 : 1 }]}>
              <View style={s.tabText}>
                <Txt style={{ fontSize: fitFontSize(brand, 11, TAB_HEIGHT - 2 * TAB_PADDING), fontWeight: "bold" }}>{brand}</Txt>
                <Txt style={{ fontSize: fitFontSize(town.phone, 15, TAB_HEIGHT - 2 * TAB_PADDING), fontWeight: "bold" }}>{town.phone}</Txt>
              </View>
            </View>
          ))}
        </View>
      </Page>
    </Document>
  );
}
