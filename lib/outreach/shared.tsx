import { Text, type Styles } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import QRCode from "qrcode";

type Style = Styles[string];

/** Built-in PDF fonts: nothing to download, so rendering works offline. */
export const FONT = "Helvetica";

const FALLBACK_COLOR = "#1d4ed8";
/** Body text colour (also used on light brand bands). */
export const INK = "#1f2937";

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export type Palette = {
  /** Header band: the town's own colour. */
  band: string;
  /** Text on the band: white, or dark ink when the brand colour is light. */
  onBand: string;
  /** Brand colour for text on white paper, darkened to ink when too light to read. */
  accent: string;
  /** Pale wash of the brand colour for boxes. */
  tint: string;
};

/** Colours derived from the town's brand colour, so a light brand (e.g. yellow) stays readable in print. */
export function palette(primaryColor: string): Palette {
  const rgb = parseHex(primaryColor) ?? parseHex(FALLBACK_COLOR)!;
  const l = luminance(rgb);
  const contrastWithWhite = 1.05 / (l + 0.05);
  const contrastWithBlack = (l + 0.05) / 0.05;
  return {
    band: toHex(rgb),
    onBand: contrastWithWhite >= contrastWithBlack ? "#ffffff" : INK,
    accent: contrastWithWhite >= 4.5 ? toHex(rgb) : INK,
    tint: toHex(rgb.map((c) => 255 - (255 - c) * 0.1)),
  };
}

/** How a person would type the address: "https://" is implied, but "http://" must stay or browsers try https. */
export function displayUrl(siteUrl: string): string {
  return siteUrl.trim().replace(/^https:\/\//i, "").replace(/\/+$/, "");
}

/** QR code as a PNG data URL; black on white and high resolution so it scans from a printed page. */
export function qrDataUrl(siteUrl: string): Promise<string> {
  return QRCode.toDataURL(siteUrl, { errorCorrectionLevel: "M", margin: 2, width: 600 });
}

// Helvetica-Bold advance widths (em) for the characters of phone numbers and web addresses;
// anything else counts as a wide-ish 0.62em so the estimate errs on the small side.
const BOLD_WIDTHS: Record<string, number> = { " ": 0.278, ".": 0.278, ":": 0.333, "/": 0.278, "-": 0.333, "+": 0.584 };
const boldWidth = (ch: string) => BOLD_WIDTHS[ch] ?? (/\d/.test(ch) ? 0.556 : 0.62);

/** Largest bold font size (up to `max`) at which `text` fits on one line of `width` points. */
export function fitFontSize(text: string, max: number, width: number): number {
  const ems = [...text].reduce((sum, ch) => sum + boldWidth(ch), 0);
  return Math.min(max, Math.floor(width / ems));
}

const noHyphenation = (word: string) => [word];

/** Text without automatic hyphenation: broken words are hard to read for older readers (and the default rules are English). */
export function Txt({ style, children }: { style?: Style | Style[]; children: ReactNode }) {
  return (
    <Text style={style} hyphenationCallback={noHyphenation}>
      {children}
    </Text>
  );
}
