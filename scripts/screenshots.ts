// `npm run screenshots`: starts the demo (its own port and data folder,
// .data/screenshots), signs in as the demo's staff and a volunteer, and saves
// the main pages at 1280 px and 390 px to docs/screenshots/ as 8-bit PNGs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { waitForHealth } from "./lib/build";
import { freePort } from "./lib/ports";
import { ROOT } from "./lib/run";

const OUT = join(ROOT, "docs", "screenshots");
const WIDTHS = [{ name: "desktop", width: 1280, height: 800 }, { name: "phone", width: 390, height: 844 }];
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

type Shot = { name: string; as?: "admin" | "volunteer"; url: (base: Base) => string | Promise<string> };
type Base = { apex: string; town: (path: string) => string; page: Page };

const SHOTS: Shot[] = [
  { name: "town-home", url: (b) => b.town("/") },
  { name: "request-form", url: (b) => b.town("/request") },
  { name: "wizard", url: (b) => `${b.apex}/start?step=1` },
  { name: "volunteer-feed", as: "volunteer", url: (b) => b.town("/volunteer") },
  { name: "queue", as: "admin", url: (b) => b.town("/staff/requests") },
  { name: "request-detail", as: "admin", url: async (b) => {
    await b.page.goto(b.town("/staff/requests"));
    const href = await b.page.locator('main a[href^="/staff/requests/"]').first().getAttribute("href");
    return b.town(href!);
  } },
  { name: "dashboard", as: "admin", url: (b) => b.town("/staff/dashboard") },
  { name: "settings", as: "admin", url: (b) => b.town("/settings") },
];

const EMAILS = { admin: "admin@leuven.example", volunteer: "volunteer1@leuven.example" };

/** Signs in on Leuven's site through the magic link in the development mailbox. */
async function signIn(page: Page, apex: string, town: (path: string) => string, email: string) {
  await page.context().clearCookies();
  await page.goto(town("/sign-in"));
  await page.locator("#email").fill(email);
  await page.locator("#email").press("Enter");
  await page.waitForURL(/\/sign-in\/check-email/);
  await page.goto(`${apex}/dev/mailbox?to=${encodeURIComponent(email)}`);
  const text = await page.getByTestId("mail-text").first().innerText();
  const link = text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  if (!link) throw new Error(`No sign-in link for ${email} in the development mailbox`);
  await page.goto(link);
}

async function main() {
  const port = await freePort();
  const demo = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PORT: String(port), HELPT_DATA_DIR: process.env.HELPT_DATA_DIR ?? ".data/screenshots", HELPT_EMBEDDED_DB_PORT: String(await freePort()) },
  });
  const stopped = new Promise((resolve) => demo.once("exit", resolve));
  const apex = `http://localhost:${port}`;
  const town = (path: string) => `http://leuven.localhost:${port}${path}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-background-networking"] });
  try {
    await waitForHealth(`${apex}/api/health`, 900_000);
    mkdirSync(OUT, { recursive: true });
    for (const size of WIDTHS) {
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: "en", colorScheme: "light" });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000); // a cold server on a busy machine renders its first pages slowly
      let signedInAs: string | undefined;
      for (const shot of SHOTS) {
        if (shot.as && signedInAs !== shot.as) {
          await signIn(page, apex, town, EMAILS[shot.as]);
          signedInAs = shot.as;
        }
        await page.goto(await shot.url({ apex, town, page }));
        await page.waitForLoadState("networkidle");
        const png = await page.screenshot({ fullPage: false, animations: "disabled", caret: "hide" });
        // 8-bit palette PNGs: a quarter of the size, no visible loss on flat UI colours.
        const small = await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toBuffer();
        const file = join(OUT, `${shot.name}-${size.name}.png`);
        writeFileSync(file, small);
        console.log(`[screenshots] ${relative(ROOT, file)} (${Math.round(small.length / 1024)} KB)`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    demo.kill("SIGTERM"); // the launcher stops its PostgreSQL on SIGTERM
    await stopped;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
