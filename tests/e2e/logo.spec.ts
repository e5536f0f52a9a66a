import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { send } from "./helpers/http";
import { blockingViolations, signInAs, sql, town } from "./helpers/site";

// A town's logo, set in its settings (the wizard takes one too): checked by
// its bytes on the server, refused with a translated message, shown in that
// town's header only, under a versioned URL that may be cached for a year.

type Settings = { settings: { logoSaved: string; logoRemoved: string; logoSave: string; logoRemove: string; logoErrors: Record<"logoType" | "logoTooLarge", string> } };
const messages = (locale: string) => JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8")) as Settings;
const en = messages("en");
const de = messages("de");

const useLocale = (page: Page, locale: string) =>
  page.context().addCookies([{ name: "helpt-locale", value: locale, domain: "leuven.localhost", path: "/" }]);
const upload = async (page: Page, file: { name: string; mimeType: string; buffer: Buffer }, save: string) => {
  const form = page.getByTestId("logo-form");
  await form.locator("#logo").setInputFiles(file);
  await form.getByRole("button", { name: save }).click();
};
const headerLogo = (page: Page) => page.getByRole("banner").getByRole("img", { name: /Leuven/ });

test.afterAll(async () => {
  // Only if the test stopped half-way: it removes the logo through the settings itself.
  await sql(`UPDATE "Tenant" SET logo = NULL, "logoType" = NULL, "logoUrl" = NULL WHERE slug = 'leuven'`);
});

test("a town's logo: refused files in the reader's language, shown in that town's header only, replaced and removed", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAs(page, "leuven", "admin@leuven.example");
  const form = page.getByTestId("logo-form");

  // Not a picture (whatever its name says), in German; then too large, in English.
  await useLocale(page, "de");
  await page.goto(town("leuven", "/settings"));
  await upload(page, { name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>not a picture</svg>") }, de.settings.logoSave);
  await expect(form.locator("#logo-error")).toHaveText(de.settings.logoErrors.logoType);
  await expect(page.locator("#logo")).toHaveAttribute("aria-invalid", "true");
  await useLocale(page, "en");
  await page.goto(town("leuven", "/settings"));
  await upload(page, { name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(600 * 1024)]) }, en.settings.logoSave);
  await expect(form.locator("#logo-error")).toHaveText(en.settings.logoErrors.logoTooLarge);
  await expect(headerLogo(page)).toHaveCount(0);

  // The settings with the error shown: no overflow, no axe findings, on a phone and a desktop.
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await blockingViolations(page)).toEqual([]);
  }

  const red = await sharp({ create: { width: 120, height: 120, channels: 4, background: { r: 200, g: 20, b: 20, alpha: 1 } } }).png().toBuffer();
  await upload(page, { name: "wapen.png", mimeType: "image/png", buffer: red }, en.settings.logoSave);
  await expect(form.getByRole("status")).toHaveText(en.settings.logoSaved);
  await expect(form.getByTestId("logo-current")).toBeVisible();

  // In Leuven's header for a visitor, served as uploaded for a year under its URL; never in Gent's.
  const visitor = await browser.newContext();
  const home = await visitor.newPage();
  await home.goto(town("leuven", "/"));
  const logo = headerLogo(home);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
  const src = (await logo.getAttribute("src"))!;
  expect(src).toMatch(/^\/logo\?v=[0-9a-z]+$/);
  const reply = await send(town("leuven", src));
  expect(reply.status).toBe(200);
  expect(reply.headers["content-type"]).toBe("image/png");
  expect(reply.headers["cache-control"]).toContain("immutable");
  expect(String((await send(town("leuven", "/logo?v=old"))).headers["cache-control"])).not.toContain("immutable");
  await home.goto(town("gent", "/"));
  await expect(home.getByRole("banner").getByRole("img")).toHaveCount(0);
  expect((await send(town("gent", src))).status).toBe(404);

  // Replaced: a new URL, so no browser keeps showing the old one.
  await page.goto(town("leuven", "/settings"));
  const blue = await sharp({ create: { width: 80, height: 80, channels: 3, background: { r: 20, g: 20, b: 200 } } }).jpeg().toBuffer();
  await upload(page, { name: "wapen.jpg", mimeType: "image/jpeg", buffer: blue }, en.settings.logoSave);
  await expect(form.getByRole("status")).toHaveText(en.settings.logoSaved);
  await home.goto(town("leuven", "/"));
  const replaced = (await headerLogo(home).getAttribute("src"))!;
  expect(replaced).not.toBe(src);
  expect((await send(town("leuven", replaced))).headers["content-type"]).toBe("image/jpeg");

  // Removed: the header shows the town's initial again, and the logo is no longer served.
  await page.goto(town("leuven", "/settings"));
  await form.getByRole("button", { name: en.settings.logoRemove }).click();
  await expect(form.getByRole("status")).toHaveText(en.settings.logoRemoved);
  await home.goto(town("leuven", "/"));
  await expect(headerLogo(home)).toHaveCount(0);
  expect((await send(town("leuven", replaced))).status).toBe(404);
  await visitor.close();
});
