import { expect, test } from "@playwright/test";
import { apex, town } from "./helpers/site";

test.describe("languages", () => {
  test.use({ locale: "pl-PL" }); // a language no town offers

  test("a town opens in its default language and switches on request", async ({ page }) => {
    await page.goto(town("leuven"));
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hebt u hulp nodig, of wilt u helpen?");

    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Besoin d'aide, ou envie d'aider ?");
    await expect(page.getByTestId("categories")).toContainText("Courses");
    await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Do you need help, or do you want to help?");
    await expect(page.getByTestId("categories")).toContainText("Groceries");

    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brauchen Sie Hilfe, oder möchten Sie helfen?");
    await expect(page.getByTestId("categories")).toContainText("Einkäufe");
  });

  test("a town offers only the languages it enabled", async ({ page }) => {
    await page.goto(town("gent"));
    await expect(page.getByRole("button", { name: "Nederlands" })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Français" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Deutsch" })).toHaveCount(0);
  });

  test("a German browser gets German where it is offered", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-BE" });
    const page = await context.newPage();
    await page.goto(town("leuven"));
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("link", { name: "Um Hilfe bitten" })).toBeVisible();
    await page.goto(town("gent")); // Gent has no German: its default applies
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await page.goto(apex());
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await context.close();
  });

  test("the browser's language is used when the town offers it", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-BE" });
    const page = await context.newPage();
    await page.goto(town("leuven"));
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.goto(town("gent")); // Gent has no French: its default applies
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await page.goto(apex());
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await context.close();
  });
});
