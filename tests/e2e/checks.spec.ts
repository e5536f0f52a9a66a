import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Checkstad, afresh every run: an admin, a volunteer offering babysitting, one open babysitting request.
const SLUG = "checkstad";
const TOWN_ID = "e2e-checkstad";
const ADMIN = "admin@checkstad.example";
const VOLUNTEER = "volunteer@checkstad.example";
const SUMMARY = "An evening of babysitting for two children";
const REQUEST = "e2e-checks-request";
const PROFILE = "e2e-checks-volunteer";

test.beforeAll(async () => {
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [TOWN_ID]);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, locales, "defaultLocale", "updatedAt") VALUES ($1, $2, 'Checkstad', '011 22 33 66', ARRAY['en','nl'], 'en', now())`,
    [TOWN_ID, SLUG],
  );
  await sql(`INSERT INTO "Category" ("tenantId", id, key, labels, position) VALUES ($1, 'e2e-checks-babysitting', 'babysitting', '{"nl":"Babysit","en":"Babysitting"}', 1)`, [TOWN_ID]);
  for (const [email, role] of [[ADMIN, "ADMIN"], [VOLUNTEER, "VOLUNTEER"]]) {
    await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (email) DO NOTHING`, [`e2e-${email.replace(/\W/g, "-")}`, email]);
    await sql(
      `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, $3::"Role" FROM "User" u WHERE u.email = $4`,
      [TOWN_ID, `e2e-checks-${role.toLowerCase()}`, role, email],
    );
  }
  await sql(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT $1, $3, 'e2e-checks-volunteer', u.id, 'Bea Babysit', '+32470000088', '1000', ARRAY['e2e-checks-babysitting'], ARRAY['en'], ARRAY[]::text[], ARRAY[]::text[], now(), now()
       FROM "User" u WHERE u.email = $2`,
    [TOWN_ID, VOLUNTEER, PROFILE],
  );
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", description, neighbourhood, postcode, "residentName", "residentPhone", status, "publicSummary", "publishedAt", "updatedAt")
     VALUES ($1, $2, 'CHCK-E2E1', 'e2e-checks-babysitting', 'Two children, 4 and 7, Friday evening', 'Centrum', '1000', 'Rosa Claes', '+3216123456', 'OPEN', $3, now(), now())`,
    [TOWN_ID, REQUEST, SUMMARY],
  );
});

test("the town requires a record extract for babysitting: without it a volunteer sees no details and is not assigned; once staff confirm it they are", async ({ browser, page }) => {
  test.setTimeout(180_000);
  // The admin decides: babysitting needs a criminal-record extract.
  await signInAs(page, SLUG, ADMIN);
  await page.goto(town(SLUG, "/settings/categories"));
  const category = page.locator('[data-testid=category][data-key=babysitting]');
  await category.getByLabel("Criminal-record extract").check();
  await category.getByRole("button", { name: "Save the checks" }).click();
  await expect(category.getByRole("status")).toHaveText("Saved.");
  expect(await sql(`SELECT "requiredChecks"::text[] AS k FROM "Category" WHERE id = 'e2e-checks-babysitting'`)).toEqual([{ k: ["RECORD_EXTRACT"] }]);

  // The volunteer sees which check the request needs, not what it is about, and cannot offer.
  const phone = await browser.newContext({ locale: "en-GB" });
  const volunteer = await phone.newPage();
  await signInAs(volunteer, SLUG, VOLUNTEER);
  await volunteer.goto(town(SLUG, "/volunteer"));
  const near = volunteer.getByTestId("requests-near");
  await expect(near.getByTestId("needs-checks")).toContainText("Needs: Criminal-record extract.");
  await expect(near).not.toContainText(SUMMARY);
  await expect(near.getByRole("button", { name: "I can help" })).toHaveCount(0);
  await expect(volunteer.locator('[data-testid=my-checks] [data-kind=RECORD_EXTRACT]')).toContainText("not yet");
  await expectAccessible(volunteer);

  // The coordinator's candidates leave the volunteer out; the bulk assignment finds nobody who may take it.
  await page.goto(town(SLUG, `/staff/requests/${REQUEST}`));
  await expect(page.getByText("No volunteers fit this request yet.")).toBeVisible();
  await page.goto(town(SLUG, "/staff/requests?status=OPEN"));
  const bar = page.getByTestId("bulk-requests");
  await bar.getByLabel("All 1 on this page").check();
  await bar.getByLabel("Action").selectOption("assign");
  await bar.getByRole("button", { name: "Review" }).click();
  await page.getByTestId("bulk-requests-review").getByRole("button", { name: "Yes, do it for 1" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("0 done, 1 skipped.");
  expect(await sql(`SELECT 1 FROM "Assignment" WHERE "requestId" = $1`, [REQUEST])).toEqual([]);

  // Staff saw the extract: they record it (who, when, until when, a note; never the document).
  await page.goto(town(SLUG, "/staff/volunteers"));
  await page.getByRole("link", { name: "Bea Babysit" }).click();
  await expect(page.getByRole("heading", { name: "Checks of Bea Babysit" })).toBeVisible();
  await page.getByLabel("Check", { exact: true }).selectOption("RECORD_EXTRACT");
  await page.getByLabel("Note").fill("Model 2 seen");
  await page.getByRole("button", { name: "Confirm the check" }).click();
  await expect(page.getByText("The check was recorded.")).toBeVisible();
  await expect(page.locator('[data-testid=check-states] [data-kind=RECORD_EXTRACT]')).toContainText("valid until");
  await expect(page.getByTestId("check-history")).toContainText("Model 2 seen");
  await expectAccessible(page);

  // Now the volunteer sees the request and may offer; the coordinator assigns them.
  await volunteer.reload();
  await expect(near).toContainText(SUMMARY);
  await expect(near.getByRole("button", { name: "I can help" })).toBeVisible();
  await page.goto(town(SLUG, `/staff/requests/${REQUEST}`));
  await page.getByLabel("Choose Bea Babysit").check();
  await page.getByRole("button", { name: "Assign the chosen volunteers" }).click();
  await expect(page.getByTestId("status")).toHaveText("Matched");
  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "tenantId" = $1 AND action LIKE 'checks.%' ORDER BY "createdAt"`, [TOWN_ID]);
  expect(audit.map((a) => a.action)).toEqual(["checks.category", "checks.confirm"]);
  await phone.close();
});
