import { expect, test } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";
import { TEMPLATES } from "../../lib/email/templates";

test.use({ locale: "en-GB" });

test.describe("e-mail", () => {
  test("a resident who leaves an e-mail address gets a confirmation through the outbox", async ({ page }) => {
    await sql(`DELETE FROM "RateLimiterFlexible"`);
    const email = `resident-${Date.now()}@example.be`;
    await page.goto(town("gent", "/request"));
    await page.getByRole("radio", { name: /Soup delivered/ }).check();
    await page.locator("#description").fill("Warm soup twice a week, I just came home from hospital.");
    await page.locator("#timeWindow").fill("Monday and Thursday");
    await page.locator("#postcode").fill("9000");
    await page.locator("#name").fill("Hilde De Smet");
    await page.getByRole("radio", { name: "E-mail" }).check();
    await page.locator("#email").fill(email);
    await page.locator("#consent").check();
    await page.getByRole("button", { name: "Send my request" }).click();
    const reference = (await page.getByTestId("reference").innerText()).replace("Your reference: ", "");
    await expect(page.getByText("We also sent a confirmation")).toBeVisible();

    // The worker started by the launcher sends it within seconds.
    await expect(async () => {
      await page.goto(apex(`/dev/mailbox?to=${encodeURIComponent(email)}`));
      await expect(page.getByTestId("mail").first()).toContainText(reference, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("mail").first()).toContainText("Gent Helpt");
  });

  test("every template can be previewed in each language", async ({ page }) => {
    await page.goto(apex("/dev/emails?lang=fr"));
    await expect(page.getByTestId("email-preview")).toHaveCount(Object.keys(TEMPLATES).length);
    await expect(page.locator("body")).toContainText("Votre lien de connexion");
    await expectAccessible(page);
    await page.getByRole("link", { name: /volunteer-assigned/ }).click();
    await expect(page.locator("body")).toContainText("Maria Peeters");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("platform admins see the delivery backlog; others get a 404", async ({ page }) => {
    await signInAs(page, null, "volunteer1@leuven.example");
    expect((await page.goto(apex("/admin/email")))?.status()).toBe(404);

    await signInAs(page, null, "platform@helpt.example");
    await page.goto(apex("/admin/email"));
    await expect(page.getByRole("heading", { name: "E-mail delivery" })).toBeVisible();
    const [{ sent }] = await sql<{ sent: string }>(`SELECT count(*) AS sent FROM "OutboxEmail" WHERE status = 'SENT'`);
    await expect(page.getByTestId("outbox-SENT")).toHaveText(sent);
    await expectAccessible(page);
  });
});
