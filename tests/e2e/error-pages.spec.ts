import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { apex, expectAccessible, town } from "./helpers/site";

type Texts = { notFound: { title: string }; errorPage: { notFoundText: string } };
const MESSAGES = Object.fromEntries(
  (["nl", "fr", "en", "de"] as const).map((l) => [l, JSON.parse(readFileSync(new URL(`../../messages/${l}.json`, import.meta.url), "utf8")) as Texts]),
) as Record<"nl" | "fr" | "en" | "de", Texts>;

// The not-found pages in each language: the apex's names no town, a town's
// sits inside the town's branding and names it.
for (const language of ["nl", "fr", "en", "de"] as const) {
  const m = MESSAGES[language];
  test.describe(`error pages (${language})`, () => {
    test.use({ locale: language });
    // Two page loads and an axe run each: room for a busy machine.
    test.describe.configure({ timeout: 60_000 });

    test("a missing page on a town's site: translated, branded, accessible, a 404", async ({ page }) => {
      const response = await page.goto(town("leuven", "/no-such-page/at-all"));
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page.getByRole("heading", { level: 1, name: m.notFound.title })).toBeVisible();
      await expect(page.getByTestId("not-found")).toContainText(m.errorPage.notFoundText.replace("{town}", "Leuven"));
      // Inside the town's layout: its header and its phone number in the footer.
      await expect(page.locator("[data-tenant=leuven]")).toBeVisible();
      await expect(page.getByRole("contentinfo")).toContainText("Leuven");
      await expectAccessible(page);
    });

    test("a missing page on the apex: translated, accessible, a 404", async ({ page }) => {
      const response = await page.goto(apex("/no-such-page"));
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: m.notFound.title })).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test("every response carries a request id for support and the logs", async ({ request }) => {
  const response = await request.get(apex("/api/health"));
  expect(response.headers()["x-request-id"]).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
});
