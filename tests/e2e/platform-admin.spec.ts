import { expect, test } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

const REASON = "Planned maintenance by the Helpt team";

test.describe("platform admin console", () => {
  // Other specs need Gent active, even if this one fails halfway.
  test.afterAll(async () => {
    await sql(`UPDATE "Tenant" SET status = 'ACTIVE', "suspendedReason" = NULL WHERE slug = 'gent' AND "suspendedReason" = $1`, [REASON]);
  });

  test("a platform admin finds Gent, suspends it with a reason, and reactivates it", async ({ page }) => {
    await signInAs(page, null, "platform@helpt.example");
    await page.goto(apex("/admin"));
    await expect(page.getByRole("heading", { level: 1, name: "Towns" })).toBeVisible();
    await expect(page.getByTestId("platform-metrics")).toContainText("Requests in the last 7 days");
    await expectAccessible(page);

    await page.getByLabel("Name, slug or domain").fill("gent");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=gent\b/);
    const rows = page.getByTestId("towns").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.getByRole("link", { name: "gent", exact: true })).toHaveAttribute("href", town("gent"));
    await rows.getByRole("link", { name: "Gent", exact: true }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Gent" })).toBeVisible();
    const townPage = page.url();
    expect(townPage).toMatch(/\/admin\/towns\/[^/?]+$/);
    await expect(page.getByTestId("billing")).toContainText("Billing status");
    await expectAccessible(page);

    // Too short: a field error, the text kept, nothing suspended.
    await page.getByLabel("Reason", { exact: true }).fill("no");
    await page.getByRole("button", { name: "Suspend Gent" }).click();
    await expect(page.getByText("Please write a little more.")).toBeVisible();
    await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("no");
    await expect(page.getByTestId("town-status")).toHaveText("Active");

    await page.getByLabel("Reason", { exact: true }).fill(REASON);
    await page.getByRole("button", { name: "Suspend Gent" }).click();
    await expect(page.getByTestId("done")).toHaveText("The town is suspended. Its admins will get an e-mail.");
    await expect(page.getByTestId("town-status")).toHaveText("Suspended");
    await expect(page.getByTestId("history").locator("tbody tr").first()).toContainText(`Suspended: ${REASON}`);
    const mails = await sql(
      `SELECT 1 FROM "OutboxEmail" WHERE template = 'suspended' AND "to" = 'admin@gent.example' AND data->>'reason' = $1`,
      [REASON],
    );
    expect(mails.length).toBeGreaterThan(0);

    await page.goto(town("gent"));
    await expect(page.getByTestId("suspended")).toContainText(REASON);

    await page.goto(townPage);
    await page.getByRole("button", { name: "Reactivate Gent" }).click();
    await expect(page.getByTestId("done")).toHaveText("The town is active again.");
    await expect(page.getByTestId("town-status")).toHaveText("Active");

    await page.goto(town("gent"));
    await expect(page.getByTestId("suspended")).toHaveCount(0);
    await expect(page.getByTestId("town-phone")).toContainText("09 210 10 10");
  });

  test("anyone else signed in on the apex gets a 404", async ({ page }) => {
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'gent'`);
    await signInAs(page, null, "volunteer1@leuven.example");
    expect((await page.goto(apex("/admin")))?.status()).toBe(404);
    expect((await page.goto(apex(`/admin/towns/${id}`)))?.status()).toBe(404);
    await expect(page.getByRole("navigation", { name: "Platform administration" })).toHaveCount(0);
  });
});
