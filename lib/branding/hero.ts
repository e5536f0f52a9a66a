import sharp from "sharp";
import { imageTypeOf } from "@/lib/images/type";

// A town's optional home-page photo. It is cropped to a banner and re-encoded
// as WebP in two widths on upload, so a phone downloads tens of kilobytes, not
// the camera's megabytes, and the page never jumps when it arrives.

/** The largest upload (under Next.js's 1 MB form limit, with room for the other fields). */
export const HERO_MAX_BYTES = 900 * 1024;
/** Stored widths, and the bytes each may weigh (the small one is what phones load). */
export const HERO_SIZES = { large: { width: 1280, height: 480, budget: 120 * 1024 }, small: { width: 640, height: 240, budget: 40 * 1024 } } as const;
export type HeroSize = keyof typeof HERO_SIZES;
// Decoding is bounded too: a small file can claim a huge canvas.
const MAX_INPUT_PIXELS = 50_000_000;

export type HeroError = "heroType" | "heroTooLarge";

/** The upload as the two stored WebP images, or why it was refused (a translated form error key). */
export async function prepareHero(bytes: Uint8Array): Promise<{ large: Uint8Array<ArrayBuffer>; small: Uint8Array<ArrayBuffer> } | { error: HeroError }> {
  if (bytes.length > HERO_MAX_BYTES) return { error: "heroTooLarge" };
  if (!imageTypeOf(bytes)) return { error: "heroType" };
  const encode = async ({ width, height, budget }: { width: number; height: number; budget: number }) => {
    const cropped = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate() // the camera's orientation, before the metadata (location included) is dropped
      .resize(width, height, { fit: "cover", position: "attention" })
      .toBuffer();
    // Most photos fit the budget at the first quality; a very detailed one is compressed harder.
    let webp = Buffer.alloc(0);
    for (const quality of [70, 55, 40, 25]) {
      webp = await sharp(cropped).webp({ quality }).toBuffer();
      if (webp.length <= budget) break;
    }
    return webp;
  };
  try {
    const [large, small] = await Promise.all([encode(HERO_SIZES.large), encode(HERO_SIZES.small)]);
    return { large: new Uint8Array(large), small: new Uint8Array(small) };
  } catch {
    // A PNG signature on bytes that are no picture, a truncated file, a canvas too large.
    return { error: "heroType" };
  }
}

/** The version in the photo's URL: a new upload gets a new URL, so browsers may keep each one for a year. */
export function heroVersion(updatedAt: Date): string {
  return updatedAt.getTime().toString(36);
}

/** What the home page's <img> needs, or null when the town has no photo. */
export function heroImage(town: { heroUpdatedAt: Date | null; heroAlt: string | null }) {
  if (!town.heroUpdatedAt) return null;
  const v = heroVersion(town.heroUpdatedAt);
  const { large, small } = HERO_SIZES;
  return {
    src: `/hero?v=${v}`,
    srcSet: `/hero?size=small&v=${v} ${small.width}w, /hero?v=${v} ${large.width}w`,
    width: large.width, height: large.height,
    alt: town.heroAlt ?? "",
  };
}
