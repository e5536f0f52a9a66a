import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

/** Staff register a caller's request on the phone intake form; its reference. */
async function intake(page: Page, name: string, phone: string, smsConsent: boolean): Promise<string> {
  await page.goto(town("leuven", "/staff/intake"));
  await page.locator("#categoryId").selectOption({ label: "Groceries" });
  await page.locator("#description").fill("Groceries for this week: bread, milk and fruit.");
  await page.locator("#postcode").fill("3000");
  await page.locator("#name").fill(name);
  await page.locator("#phone").fill(phone);
  if (smsConsent) await page.getByLabel("The resident agrees to receive text messages").check();
  await page.locator("#consentByPhone").check();
  await page.getByRole("button", { name: "Save request" }).click();
  const created = page.getByTestId("intake-created");
  await expect(created).toContainText("saved");
  return (await created.innerText()).match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];
}

test("a caller on a landline is on the callback list until staff record the call", async ({ page }) => {
  test.setTimeout(120_000);
  const mark = randomBytes(3).toString("hex");
  await signInAs(page, "leuven", "staff@leuven.example");
  const landline = await intake(page, `Landline ${mark}`, "016 11 22 44", false);
  const texted = await intake(page, `Mobile ${mark}`, "0470 55 66 77", true);

  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Callbacks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Callbacks" })).toBeVisible();
  await expectAccessible(page);
  const due = page.getByTestId("callbacks-due");
  const row = due.getByRole("row").filter({ hasText: landline });
  await expect(row).toContainText(`Landline ${mark}`);
  await expect(row).toContainText("New request");
  await expect(row.getByRole("link", { name: "016 11 22 44" })).toHaveAttribute("href", "tel:+3216112244");
  // A resident who agreed to texts on a mobile number gets the confirmation by SMS (the worker sends it; development SMS inbox): no call owed.
  await expect(due).not.toContainText(texted);
  const inbox = await page.context().newPage();
  await expect(async () => {
    await inbox.goto(apex(`/dev/sms?to=${encodeURIComponent("+32470556677")}`));
    const confirmation = (await inbox.getByTestId("sms-text").allInnerTexts()).find((text) => text.includes(texted));
    expect(confirmation).toMatch(/^Leuven: .*016 27 22 22/);
  }).toPass({ timeout: 30_000 });
  await inbox.close();

  // On paper: the list without the site's header, navigation or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Staff" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(row).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await row.getByRole("button", { name: new RegExp(`^Called back\\W+${landline}$`) }).click();
  await expect(due.getByRole("row").filter({ hasText: landline })).toHaveCount(0);
  await expect(page.getByTestId("callbacks-done")).toContainText(new RegExp(`${landline}.*Called back by .+ at \\d{1,2}:\\d{2}`));
  await expectAccessible(page);
  const audit = await sql<{ count: string }>(
    `SELECT count(*) FROM "AuditLog" a JOIN "HelpRequest" r ON r.id = a."subjectId" AND r."tenantId" = a."tenantId" WHERE r.reference = $1 AND a.action = 'callback.done'`,
    [landline]);
  expect(Number(audit[0].count)).toBe(1);

  // The request keeps the history: who called back, and when.
  await page.getByTestId("callbacks-done").getByText(landline).waitFor();
  await page.goto(town("leuven", "/staff/requests"));
  await page.getByRole("link", { name: landline }).click();
  await expect(page.getByTestId("callbacks")).toContainText(/New request: Called back by .+ at /);
});
