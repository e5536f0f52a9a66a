import { expect, test } from "@playwright/test";
import { latestMagicLink, town } from "./helpers/site";

test.use({ locale: "en-GB" });

test.describe("magic-link sign-in, per town", () => {
  test("an invalid address gets a clear error and keeps what was typed", async ({ page }) => {
    await page.goto(town("leuven", "/sign-in"));
    const field = page.getByLabel("E-mail address");
    await field.fill("admin@leuven");
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("Enter a valid e-mail address")).toHaveAttribute("role", "alert");
    await expect(field).toHaveValue("admin@leuven");
    await expect(field).toHaveAttribute("aria-invalid", "true");
  });

  test("a link from the development mailbox signs in on that town only, once", async ({ page }) => {
    const email = "admin@leuven.example";
    await page.goto(town("leuven", "/sign-in"));
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();

    const link = await latestMagicLink(page, email);
    expect(new URL(link).hostname).toBe("leuven.localhost");
    await expect(page.getByTestId("mail").first()).toContainText("Leuven Helpt");

    await page.goto(link);
    await expect(page.getByRole("heading", { name: "You are signed in" })).toBeVisible();
    await expect(page.getByTestId("roles")).toContainText("Administrator");
    await expect(page.getByRole("banner")).toContainText(`Signed in as ${email}`);

    // The session cookie is host-only: Gent's site does not know this person.
    await page.goto(town("gent", "/sign-in"));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // A used link does not work a second time.
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByText("no longer valid")).toHaveAttribute("role", "alert");
    await expect(page.getByRole("banner")).not.toContainText("Signed in as");
  });

  test("signing out ends the session", async ({ page }) => {
    const email = "coordinator@leuven.example";
    await page.goto(town("leuven", "/sign-in"));
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
    await page.goto(await latestMagicLink(page, email));
    await expect(page.getByTestId("roles")).toContainText("Coordinator");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto(town("leuven", "/sign-in"));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("too many links for one address are refused with a clear message", async ({ page }) => {
    const email = `flood-${Date.now()}@example.be`;
    await page.goto(town("gent", "/sign-in"));
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("E-mail address").fill(email);
      await page.getByRole("button", { name: "Send me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
      await page.goto(town("gent", "/sign-in"));
    }
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByText("Too many sign-in links")).toHaveAttribute("role", "alert");
    await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  });
});
