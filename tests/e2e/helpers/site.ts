import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { resolve } from "node:path";
import pg from "pg";
import { E2E_DATA_DIR, E2E_PORT } from "../../../playwright.config";
import { runningEmbeddedDatabaseUrl } from "../../../scripts/lib/embedded-database";
import { ROOT } from "../../../scripts/lib/run";

export const apex = (path = "/") => `http://localhost:${E2E_PORT}${path}`;
export const town = (slug: string, path = "/") => `http://${slug}.localhost:${E2E_PORT}${path}`;
/** Node cannot resolve *.localhost as Chromium does: API requests reach a town by its Host header. */
export const townHost = (slug: string) => ({ host: `${slug}.localhost:${E2E_PORT}` });

/** TEST_DATABASE_URL, or the owner's login of the embedded database that the launcher runs for the tests. */
function databaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? runningEmbeddedDatabaseUrl(resolve(ROOT, E2E_DATA_DIR));
  if (!url) throw new Error(`The end-to-end server's embedded database is not running (${E2E_DATA_DIR}).`);
  return url;
}

/**
 * Direct access to the server's database, for arranging data and checking
 * outcomes, across towns: the owner's login (a member of helpt_system) or the
 * embedded superuser, which row-level security lets through.
 */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** WCAG 2.1 A/AA: no serious or critical axe violations. */
export async function expectAccessible(page: Page) {
  expect(await blockingViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** The page's serious and critical axe violations (WCAG 2.1 A/AA), one line each. */
export async function blockingViolations(page: Page): Promise<string[]> {
  // After a client-side navigation Next.js streams the <title> in a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The newest sign-in link sent to `email`, read from the development mailbox. */
export async function latestMagicLink(page: Page, email: string): Promise<string> {
  await page.goto(apex(`/dev/mailbox?to=${encodeURIComponent(email)}`));
  // Newest first; other mail (an alert sent by the worker meanwhile) may have arrived after it.
  const texts = await page.getByTestId("mail-text").allInnerTexts();
  const link = texts.map((text) => text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0]).find(Boolean);
  expect(link, `no sign-in link in mail to ${email}`).toBeTruthy();
  return link!;
}

/** A suspended town for the tests that need one (idempotent). */
export async function ensureSuspendedTown(): Promise<string> {
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, status, "suspendedReason", phone, "updatedAt")
     VALUES ('e2e-suspended', 'slaapstad', 'Slaapstad', 'SUSPENDED', 'Unpaid invoice', '011 11 11 11', now())
     ON CONFLICT (slug) DO UPDATE SET status = 'SUSPENDED'`,
  );
  return "slaapstad";
}

/** Signs in on a town's site (or the apex, slug null) through the magic link in the development mailbox. */
export async function signInAs(page: Page, slug: string | null, email: string) {
  await sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'magicLink%'`); // helpers sign in often; the limit has its own test
  await page.context().clearCookies({ domain: slug ? `${slug}.localhost` : "localhost" });
  await page.goto(slug ? town(slug, "/sign-in") : apex("/sign-in"));
  await page.locator("#email").fill(email);
  await page.locator("#email").press("Enter");
  await page.waitForURL(/\/sign-in\/check-email/);
  await page.goto(await latestMagicLink(page, email));
  await expect(page.getByRole("heading", { name: "You are signed in" })).toBeVisible();
}
