import { contrastRatio, MIN_CONTRAST } from "@/lib/signup/contrast";

/** The page background (Tailwind's zinc-50): brand-coloured text must be readable on it as on white. */
const PAGE = "#fafafa";

export type BrandColours = {
  /** The town's colour, darkened just enough to carry white text and to read as text on white (WCAG AA). */
  brand: string;
  /** A darker shade for hover and pressed states. */
  strong: string;
  /** A pale wash for selected controls and highlighted boxes; dark text stays readable on it. */
  tint: string;
};

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
const mix = (hex: string, toward: number, amount: number) => toHex(channels(hex).map((c) => c + (toward - c) * amount));

/**
 * Colours derived from a town's brand colour. A light brand (yellow, sky blue)
 * is darkened in small steps until white text on it and it on the page both
 * reach 4.5:1; a brand that already does is kept as chosen.
 */
export function brandColours(primaryColor: string, fallback = "#1d4ed8"): BrandColours {
  let brand = /^#[0-9a-f]{6}$/i.test(primaryColor) ? primaryColor.toLowerCase() : fallback;
  for (let step = 0; step < 40 && contrastRatio(brand, PAGE) < MIN_CONTRAST; step++) brand = mix(brand, 0, 0.05);
  return { brand, strong: mix(brand, 0, 0.25), tint: mix(brand, 255, 0.9) };
}
