import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { HERO_SIZES } from "../../lib/branding/hero";
import { send } from "./helpers/http";
import { blockingViolations, signInAs, sql, town } from "./helpers/site";

// A town's optional home-page photo: uploaded in the settings (checked and
// re-encoded on the server, refused with a translated message that keeps what
// was typed), shown above the fold of that town's home only, light for phones.

const en = JSON.parse(readFileSync(new URL("../../messages/en.json", import.meta.url), "utf8")) as {
  settings: { heroSaved: string; heroRemoved: string; heroErrors: { heroType: string; heroTooLarge: string } };
};
const ALT = "The Old Market at sunrise";

async function photo(): Promise<Buffer> {
  // A gradient with a little grain: compresses like a photo, not like a flat colour.
  const width = 1600, height = 1000;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const x = i % width, y = Math.floor(i / width), grain = (i * 7919) % 23;
    pixels.set([(x * 255) / width + grain, (y * 255) / height, 120 + grain], i * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const upload = async (page: Page, file: { name: string; mimeType: string; buffer: Buffer }) => {
  const form = page.getByTestId("hero-form");
  await form.locator("#hero").setInputFiles(file);
  await form.getByRole("button", { name: "Save photo" }).click();
};

test.afterAll(async () => {
  // Only if the test stopped half-way: it removes the photo through the settings itself.
  await sql(`UPDATE "Tenant" SET "heroImage" = NULL, "heroImageSmall" = NULL, "heroAlt" = NULL, "heroUpdatedAt" = NULL WHERE slug = 'leuven'`);
});

test("a town's photo: refused files keep what was typed, the stored one is light and shown on that town's home only", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "leuven", "admin@leuven.example");
  await page.context().addCookies([{ name: "helpt-locale", value: "en", domain: "leuven.localhost", path: "/" }]);
  await page.goto(town("leuven", "/settings"));
  const form = page.getByTestId("hero-form");
  await form.getByLabel("Description of the photo").fill(ALT);

  // Not a picture (whatever its name says), then too large: translated, the description kept.
  await upload(page, { name: "town.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>not a picture</svg>") });
  await expect(form.locator("#hero-error")).toHaveText(en.settings.heroErrors.heroType);
  await expect(form.getByLabel("Description of the photo")).toHaveValue(ALT);
  await upload(page, { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(920 * 1024)]) });
  await expect(form.locator("#hero-error")).toHaveText(en.settings.heroErrors.heroTooLarge);
  await expect(form.getByLabel("Description of the photo")).toHaveValue(ALT);
  await expect(page.locator("#hero")).toHaveAttribute("aria-invalid", "true");

  await upload(page, { name: "market.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await expect(form.getByRole("status")).toHaveText(en.settings.heroSaved);

  // Shown on Leuven's home, above the fold, described, at both widths without overflow or axe findings.
  const visitor = await browser.newContext();
  const home = await visitor.newPage();
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await home.setViewportSize(size);
    await home.goto(town("leuven", "/"));
    const hero = home.getByTestId("town-hero");
    await expect(hero).toHaveAttribute("alt", ALT);
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const box = (await hero.boundingBox())!;
    expect(box.y + box.height, `the photo is above the fold at ${size.width} px`).toBeLessThan(size.height);
    // Phones load the small width.
    const loaded = await hero.evaluate((img: HTMLImageElement) => img.currentSrc);
    if (size.width === 390) expect(loaded).toContain("size=small");
    expect(await home.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await blockingViolations(home)).toEqual([]);
  }

  // Served as WebP within its budget, for a year under its versioned URL.
  const src = (await home.getByTestId("town-hero").getAttribute("src"))!;
  for (const [path, budget] of [[src, HERO_SIZES.large.budget], [src.replace("/hero?", "/hero?size=small&"), HERO_SIZES.small.budget]] as const) {
    const reply = await home.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get("content-type"), cache: r.headers.get("cache-control"), bytes: (await r.arrayBuffer()).byteLength };
    }, path);
    expect(reply, path).toMatchObject({ status: 200, type: "image/webp", cache: expect.stringContaining("immutable") });
    expect(reply.bytes, path).toBeLessThanOrEqual(budget);
  }

  // Another town shows none and serves none, whatever version is asked for.
  await home.goto(town("gent", "/"));
  await expect(home.getByTestId("town-hero")).toHaveCount(0);
  expect((await send(town("gent", src))).status).toBe(404);
  await visitor.close();

  // Removed in the settings: the home is as before, the old URL answers 404.
  await page.goto(town("leuven", "/settings"));
  await form.getByRole("button", { name: "Remove photo" }).click();
  await expect(form.getByRole("status")).toHaveText(en.settings.heroRemoved);
  const after = await send(town("leuven", "/"));
  expect(after.body).not.toContain('data-testid="town-hero"');
  expect((await send(town("leuven", src))).status).toBe(404);
});
