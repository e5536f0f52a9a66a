import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { formatLocale } from "../../lib/i18n/locales";
import { LEGAL_VERSIONS } from "../../lib/legal/documents";
import { E2E_OPERATOR } from "../../playwright.config";
import { decodeHtml } from "./helpers/hostile";
import { send } from "./helpers/http";
import { apex, ensureSuspendedTown, expectAccessible, signInAs, sql, town } from "./helpers/site";

type Locale = "nl" | "fr" | "en" | "de";
type Legal = { accessibility: { title: string }; privacy: { title: string }; cookies: { title: string } };
const LEGAL = Object.fromEntries(
  (["nl", "fr", "en", "de"] as const).map((l) => [l, (JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), "utf8")) as { legal: Legal }).legal]),
) as Record<Locale, Legal>;
const DOCUMENTS = ["accessibility", "privacy", "cookies"] as const;

const h1 = (html: string) => decodeHtml(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "");
const testId = (html: string, id: string) => decodeHtml(new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)?.[2]?.replace(/<[^>]+>/g, " ") ?? "");
/** A phone number's last eight digits: present however the page formats it (national or international). */
const phoneDigits = (phone: string) => phone.replace(/\D/g, "").slice(-8);
const digitsOf = (text: string) => text.replace(/\D/g, "");

test.beforeAll(async () => {
  await ensureSuspendedTown();
});

test("every town has its legal pages in every language it offers, naming its own contacts and retention", async () => {
  test.setTimeout(180_000);
  const towns = await sql<{ slug: string; name: string; phone: string; email: string | null; locales: string[]; retentionDays: number }>(
    `SELECT slug, name, phone, email, locales, "retentionDays" FROM "Tenant" ORDER BY slug`);
  expect(towns.length).toBeGreaterThanOrEqual(3);
  for (const t of towns) {
    for (const locale of t.locales.filter((l): l is Locale => l in LEGAL)) {
      for (const document of DOCUMENTS) {
        const reply = await send(town(t.slug, `/legal/${document}`), { headers: { cookie: `helpt-locale=${locale}` } });
        const where = `${t.slug} /legal/${document} (${locale})`;
        expect(reply.status, where).toBe(200);
        expect(/<html[^>]*\blang="(\w\w)"/.exec(reply.body)?.[1], where).toBe(locale);
        expect(h1(reply.body), where).toBe(LEGAL[locale][document].title.replace("{town}", t.name));
        if (document === "cookies") continue;
        const contacts = testId(reply.body, "legal-contacts");
        expect(digitsOf(contacts), where).toContain(phoneDigits(t.phone));
        if (t.email) expect(contacts, where).toContain(t.email);
        if (document === "privacy") expect(testId(reply.body, "retention"), where).toMatch(new RegExp(`\\b${t.retentionDays}\\b`));
      }
    }
  }
});

test("the privacy notice, terms and processing agreement name the operator this installation is configured with", async () => {
  for (const url of [apex("/legal/terms"), apex("/legal/dpa"), town("leuven", "/legal/privacy"), town("gent", "/legal/privacy")]) {
    const reply = await send(url);
    expect(reply.status, url).toBe(200);
    const operator = testId(reply.body, "operator");
    expect(operator, url).toContain(E2E_OPERATOR.name);
    expect(operator, url).toContain(E2E_OPERATOR.address);
  }
});

test("every page links the legal pages from its footer", async ({ page }) => {
  test.setTimeout(120_000);
  const sample: [string, string[]][] = [
    ...["/", "/request", "/requests", "/volunteer", "/sign-in", "/no-such-page"].map((p) => [town("leuven", p), ["/legal/accessibility", "/legal/privacy", "/legal/cookies"]] as [string, string[]]),
    [town("gent", "/requests"), ["/legal/accessibility", "/legal/privacy", "/legal/cookies"]],
    [town("slaapstad"), ["/legal/accessibility", "/legal/privacy", "/legal/cookies"]],
    ...["/", "/start", "/sign-in", "/legal/terms"].map((p) => [apex(p), ["/legal/terms", "/legal/dpa", "/legal/cookies"]] as [string, string[]]),
  ];
  for (const [url, hrefs] of sample) {
    await page.goto(url);
    const links = page.getByRole("contentinfo").getByTestId("legal-links").getByRole("link");
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), url).toEqual(hrefs);
  }
  await page.goto(town("leuven", "/request"));
  await page.getByTestId("legal-links").getByRole("link").nth(1).click();
  await expect(page).toHaveURL(town("leuven", "/legal/privacy"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Leuven");
});

test("the apex shows the platform terms and the processing agreement in their current version", async () => {
  for (const [document, version] of [["terms", LEGAL_VERSIONS.TERMS], ["dpa", LEGAL_VERSIONS.DPA]] as const) {
    const reply = await send(apex(`/legal/${document}`), { headers: { cookie: "helpt-locale=en" } });
    expect(reply.status).toBe(200);
    const [y, m, d] = version.split("-").map(Number);
    expect(testId(reply.body, "version")).toContain(new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(formatLocale("en"), { dateStyle: "long", timeZone: "UTC" }));
  }
});

test("a town's legal pages follow its settings", async ({ page }) => {
  test.setTimeout(120_000);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, email, locales, "defaultLocale", country, "retentionDays", "updatedAt")
     VALUES ('e2e-legal', 'rechtstad', 'Rechtstad', '087 11 22 33', 'info@rechtstad.example', '{de,fr,en}', 'de', 'BE', 60, now())
     ON CONFLICT (slug) DO UPDATE SET phone = EXCLUDED.phone, email = EXCLUDED.email, "retentionDays" = 60, "dpoEmail" = NULL`);
  await sql(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('e2e-legal-admin', 'admin@rechtstad.example', 'Rita Recht', now()) ON CONFLICT (email) DO NOTHING`);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT 'e2e-legal', 'e2e-legal-m', u.id, 'ADMIN' FROM "User" u WHERE u.email = 'admin@rechtstad.example' ON CONFLICT DO NOTHING`);

  // The browser speaks English, which Rechtstad offers besides German and French.
  await page.goto(town("rechtstad", "/legal/privacy"));
  await expect(page.getByTestId("retention")).toContainText("60 days");
  await expect(page.getByTestId("dpo")).not.toContainText("@");
  expect(digitsOf(await page.getByTestId("legal-contacts").innerText())).toContain("87112233");
  await expectAccessible(page);

  await signInAs(page, "rechtstad", "admin@rechtstad.example");
  await page.goto(town("rechtstad", "/settings"));
  await page.locator("#phone").fill("087 99 88 77");
  await page.locator("#retentionDays").fill("45");
  await page.locator("#dpoEmail").fill("dsb@rechtstad.example");
  await page.locator("#dpoEmail").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await page.goto(town("rechtstad", "/legal/privacy"));
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByTestId("retention")).toContainText("45 Tage");
  await expect(page.getByTestId("dpo")).toContainText("dsb@rechtstad.example");
  expect(digitsOf(await page.getByTestId("legal-contacts").innerText())).toContain("87998877");
  await page.goto(town("rechtstad", "/legal/accessibility"));
  expect(digitsOf(await page.getByTestId("legal-contacts").innerText())).toContain("87998877");
  await expect(page.getByTestId("enforcement")).toContainText("Ombudsperson der Deutschsprachigen Gemeinschaft");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclaration d'accessibilité de Rechtstad Helpt");
});

test("the cookie notice lists every cookie the browser holds", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signInAs(page, "leuven", "admin@leuven.example");
  await page.goto(town("leuven"));
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.goto(apex("/start"));
  await page.goto(apex("/legal/cookies"));
  const listed = (await page.getByTestId("cookie-table").locator("tbody td:first-child span").allInnerTexts()).map((s) => s.trim());
  const held = [...new Set((await context.cookies()).map((c) => c.name))];
  expect(held.length).toBeGreaterThanOrEqual(3);
  expect(held.filter((name) => !listed.includes(name))).toEqual([]);
});
