import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { HERO_MAX_BYTES, HERO_SIZES, heroImage, prepareHero } from "@/lib/branding/hero";
import { imageTypeOf } from "@/lib/images/type";

/** A picture as a camera or an editor would save it. */
const picture = (width: number, height: number, format: "png" | "jpeg" | "webp", noise = false) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 }, ...(noise ? { noise: { type: "gaussian" as const, mean: 128, sigma: 20 } } : {}) } })
    .toFormat(format).withMetadata({ exif: { IFD0: { Copyright: "camera-owner" } } }).toBuffer();

describe("the home page's photo", () => {
  it("is cropped to the banner in both widths and stored as WebP, whatever the upload's shape and format", async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 20, max: 1600 }), fc.integer({ min: 20, max: 1600 }), fc.constantFrom("png", "jpeg", "webp") as fc.Arbitrary<"png" | "jpeg" | "webp">,
      async (width, height, format) => {
        const upload = await picture(width, height, format);
        fc.pre(upload.length <= HERO_MAX_BYTES);
        const result = await prepareHero(upload);
        if ("error" in result) throw new Error(`refused a ${width}×${height} ${format}: ${result.error}`);
        for (const size of ["large", "small"] as const) {
          const meta = await sharp(result[size]).metadata();
          expect([meta.format, meta.width, meta.height]).toEqual(["webp", HERO_SIZES[size].width, HERO_SIZES[size].height]);
          // The camera's metadata (location, owner) does not travel on.
          expect(meta.exif).toBeUndefined();
        }
      },
    ), { numRuns: 8 });
  }, 120_000);

  it("stays light for phones even from a detailed photo", async () => {
    const upload = await picture(1400, 1000, "jpeg", true);
    expect(upload.length).toBeLessThanOrEqual(HERO_MAX_BYTES);
    const result = await prepareHero(upload);
    if ("error" in result) throw new Error(result.error);
    expect(result.small.length).toBeLessThanOrEqual(HERO_SIZES.small.budget);
    expect(result.large.length).toBeLessThanOrEqual(HERO_SIZES.large.budget);
  });

  it("refuses anything that is not a picture, and files over the limit, with a form error, never a crash", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
      fc.pre(!imageTypeOf(bytes));
      expect(await prepareHero(bytes)).toEqual({ error: "heroType" });
    }), { numRuns: 200 });
    // A picture's signature on bytes that are none, and a truncated picture.
    await fc.assert(fc.asyncProperty(fc.constantFrom([0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff]), fc.uint8Array({ maxLength: 512 }), async (signature, rest) => {
      expect(await prepareHero(new Uint8Array([...signature, ...rest]))).toEqual({ error: "heroType" });
    }), { numRuns: 100 });
    const photo = await picture(800, 600, "jpeg");
    expect(await prepareHero(photo.subarray(0, photo.length / 2))).toEqual({ error: "heroType" });
    expect(await prepareHero(new Uint8Array(HERO_MAX_BYTES + 1))).toEqual({ error: "heroTooLarge" });
  });

  it("is shown only when the town has one, with a versioned URL and its description or none", () => {
    expect(heroImage({ heroUpdatedAt: null, heroAlt: "ignored" })).toBeNull();
    const at = new Date("2026-11-30T10:00:00Z");
    const shown = heroImage({ heroUpdatedAt: at, heroAlt: null })!;
    expect(shown.alt).toBe("");
    expect(shown.srcSet).toContain(`size=small&v=${at.getTime().toString(36)} 640w`);
    expect(heroImage({ heroUpdatedAt: new Date(at.getTime() + 1), heroAlt: "De markt" })).toMatchObject({ alt: "De markt" });
    expect(heroImage({ heroUpdatedAt: new Date(at.getTime() + 1), heroAlt: null })!.src).not.toBe(shown.src);
  });
});
