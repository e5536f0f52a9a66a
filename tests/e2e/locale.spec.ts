import { expect, test } from "@playwright/test";
import { signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Issue 17's done-when, in a page: a request stored at a known UTC instant is
// shown on the town's clock (Leuven: Europe/Brussels), its when in the
// reader's language, the resident's number as a Belgian writes it.
const ID = "f17-local-time";
const REFERENCE = "TZTZ-0409";

test.beforeAll(async () => {
  const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'leuven'`);
  const [{ id: categoryId }] = await sql<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 1`, [tenantId]);
  await sql(`DELETE FROM "HelpRequest" WHERE "tenantId" = $1 AND id = $2`, [tenantId, ID]);
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", description, "residentName", "residentPhone", urgency,
                                "whenKind", "whenWeekday", "whenPart", "timeWindow", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Groceries, checking the clock', 'Tess Tijd', '+3215297600', 'HIGH',
             'WEEKDAY', 'TUE', 'MORNING', 'na 10 uur', '2026-11-30T03:09:00Z', now())`,
    [tenantId, ID, REFERENCE, categoryId],
  );
});

test.afterAll(async () => {
  await sql(`DELETE FROM "AuditLog" WHERE "subjectId" = $1`, [ID]);
  await sql(`DELETE FROM "HelpRequest" WHERE id = $1`, [ID]);
});

test("a coordinator in Leuven reads the request's time on Brussels time, in Dutch", async ({ page }) => {
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.context().addCookies([{ name: "helpt-locale", value: "nl", domain: "leuven.localhost", path: "/" }]);

  await page.goto(town("leuven", "/staff/requests"));
  const row = page.getByRole("row").filter({ hasText: REFERENCE });
  await expect(row).toContainText("30-11-2026, 04:09"); // 03:09 UTC
  await expect(row).toContainText("dinsdag, voormiddag · na 10 uur");

  await row.getByRole("link", { name: REFERENCE }).click();
  await expect(page.getByTestId("personal")).toContainText("015 29 76 00");
  await expect(page.getByTestId("personal")).not.toContainText("+3215297600");
  await expect(page.getByTestId("when")).toContainText("dinsdag, voormiddag · na 10 uur");
});

test("in English the coordinator reads the day before the month, on a 24-hour clock", async ({ page }) => {
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.context().addCookies([{ name: "helpt-locale", value: "en", domain: "leuven.localhost", path: "/" }]);

  await page.goto(town("leuven", "/staff/requests"));
  const row = page.getByRole("row").filter({ hasText: REFERENCE });
  await expect(row).toContainText("30/11/2026, 04:09"); // not the American "11/30/26, 4:09 AM"
});
