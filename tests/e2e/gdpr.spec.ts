import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

/** A fresh request in Leuven from a resident with a number nobody else uses. */
async function residentRequest(): Promise<{ id: string; reference: string; phone: string; national: string }> {
  const digits = String(Date.now()).slice(-6);
  const phone = `+32471${digits}`;
  const national = `0471 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  const reference = `GDPR-${Date.now().toString(36).toUpperCase().slice(-4)}`;
  const [{ id }] = await sql<{ id: string }>(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, description, neighbourhood, postcode, "timeWindow",
                                "residentName", "residentPhone", "residentEmail", "residentAddress", "updatedAt")
     SELECT t.id, $1, $1, c.id, 'NEW', 'Help with my tax form', 'Centrum', '3000', 'Thursday afternoon',
            'Paula Privé', $2, 'paula@example.be', 'Naamsestraat 5', now()
       FROM "Tenant" t JOIN "Category" c ON c."tenantId" = t.id AND c.key = 'groceries' WHERE t.slug = 'leuven'
     RETURNING id`,
    [reference, phone],
  );
  return { id, reference, phone, national };
}

test("a coordinator exports and erases a resident's data after checking their identity; the admin finds it in the audit log", async ({ page }) => {
  test.setTimeout(90_000);
  const resident = await residentRequest();
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/residents"));
  await expect(page.getByRole("heading", { name: "Residents' data: access and erasure" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: a clear, linked error.
  await page.getByLabel("Phone number or e-mail address").fill("12");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByLabel("Phone number or e-mail address")).toHaveAccessibleDescription(/Enter a phone number \(for example 0470 12 34 56\) or an e-mail address\./);

  await page.getByLabel("Phone number or e-mail address").fill(resident.national);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("resident-requests")).toContainText(resident.reference);
  await expect(page.getByTestId("resident-requests")).toContainText("Paula Privé");
  await expectAccessible(page);

  // No download without the identity check.
  const exportForm = page.locator("form", { has: page.getByRole("button", { name: "Download the data (JSON)" }) });
  await exportForm.getByRole("button", { name: "Download the data (JSON)" }).click();
  await expect(exportForm.getByRole("checkbox")).toHaveAccessibleDescription("Confirm that you checked the resident's identity by phone.");
  await exportForm.getByLabel("I checked by phone that I am speaking with this resident.").check();
  const [download] = await Promise.all([page.waitForEvent("download"), exportForm.getByRole("button", { name: "Download the data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toBe("leuven-helpt-resident-data.json");
  const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(data.requests).toEqual([expect.objectContaining({ reference: resident.reference, resident: expect.objectContaining({ name: "Paula Privé", phone: resident.phone }) })]);

  // Erasure needs the identity check and the confirmation.
  const eraseForm = page.locator("form", { has: page.getByRole("button", { name: "Erase the data" }) });
  await eraseForm.getByRole("button", { name: "Erase the data" }).click();
  await expect(eraseForm.getByRole("alert")).toBeVisible();
  await expect(eraseForm.getByRole("checkbox", { name: /I understand/ })).toHaveAccessibleDescription("Tick the box to confirm.");
  expect((await sql<{ name: string }>(`SELECT "residentName" AS name FROM "HelpRequest" WHERE id = $1`, [resident.id]))[0].name).toBe("Paula Privé");
  await eraseForm.getByLabel("I checked by phone that I am speaking with this resident.").check();
  await eraseForm.getByRole("checkbox", { name: /I understand/ }).check();
  await eraseForm.getByRole("button", { name: "Erase the data" }).click();
  await expect(page.getByTestId("erased")).toContainText(resident.reference);
  await expectAccessible(page);
  const [row] = await sql<{ name: string; phone: string | null; status: string }>(
    `SELECT "residentName" AS name, "residentPhone" AS phone, status FROM "HelpRequest" WHERE id = $1`, [resident.id],
  );
  expect(row).toEqual({ name: "", phone: null, status: "CANCELLED" });

  // The town admin finds both steps by the request's reference, and downloads them.
  await signInAs(page, "leuven", "admin@leuven.example");
  await page.goto(town("leuven", `/staff/audit?subject=${resident.reference.toLowerCase()}`));
  const log = page.getByTestId("audit");
  await expect(log).toContainText("resident.erase");
  await expect(log).toContainText("resident.export");
  await expect(log).toContainText("coordinator@leuven.example");
  await expectAccessible(page);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text).toContain("resident.erase");
  expect(text).toContain(resident.reference);

  await page.goto(town("leuven", "/staff/audit?from=2026-02-30"));
  await expect(page.getByLabel("From (day)")).toHaveAccessibleDescription("Enter a date such as 2026-03-31.");
  await expectAccessible(page);
  // From the page itself: Node's resolver does not know *.localhost, Chromium does.
  expect(await page.evaluate(async () => (await fetch("/staff/audit/export?format=xml")).status)).toBe(400);
});

test("another town's admin cannot find or export a Leuven resident; staff without the coordinator role get a 404", async ({ page }) => {
  const resident = await residentRequest();
  await signInAs(page, "gent", "admin@gent.example");
  await page.goto(town("gent", "/staff/residents"));
  await page.getByLabel("Phone number or e-mail address").fill(resident.phone);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("resident-none")).toHaveText("The town holds no requests for this phone number or e-mail address.");

  const post = (form: Record<string, string>) =>
    page.evaluate(async (fields) => {
      const response = await fetch("/staff/residents/export", { method: "POST", body: new URLSearchParams(fields) });
      return { status: response.status, text: await response.text() };
    }, form);
  expect((await post({ contact: resident.phone, identityVerified: "on" })).status).toBe(404);
  const unchecked = await post({ contact: resident.phone });
  expect(unchecked.status).toBe(400);
  expect(unchecked.text).toBe("Confirm that you checked the resident's identity by phone.");

  await signInAs(page, "leuven", "staff@leuven.example");
  expect((await page.goto(town("leuven", "/staff/residents")))?.status()).toBe(404);
  expect(await page.evaluate(async () => (await fetch("/staff/audit/export")).status)).toBe(404);
});
