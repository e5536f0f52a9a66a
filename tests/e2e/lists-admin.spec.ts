import { expect, test } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });
// Signing in and two pages of 50 rows take a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

const ACTION = "lists.e2e";
const HOST = "help.lists-e2e.example";

test.afterAll(async () => {
  await sql(`DELETE FROM "AuditLog" WHERE action = $1`, [ACTION]);
  await sql(`DELETE FROM "Domain" WHERE host = $1`, [HOST]);
});

test("the audit log pages 50 at a time, keeping its filter across pages, sorts and the back button", async ({ page }) => {
  // 60 entries of one action in Leuven, a minute apart: two pages of it.
  await sql(`DELETE FROM "AuditLog" WHERE action = $1`, [ACTION]);
  await sql(
    `INSERT INTO "AuditLog" ("tenantId", id, action, "subjectType", "subjectId", "createdAt")
     SELECT t.id, 'e2e-lists-' || g, $1, 'Thing', 'thing-' || g, now() - g * interval '1 minute'
       FROM "Tenant" t, generate_series(1, 60) g WHERE t.slug = 'leuven'`,
    [ACTION],
  );
  await signInAs(page, "leuven", "admin@leuven.example");
  await page.goto(town("leuven", "/staff/audit"));
  await page.getByLabel("Action", { exact: true }).selectOption(ACTION);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("audit-count")).toHaveText("60 entries");
  const rows = page.getByTestId("audit").locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("thing-1");
  await expect(page.getByRole("columnheader", { name: /When/ })).toHaveAttribute("aria-sort", "descending");
  await expectAccessible(page);
  const first = page.url();

  await page.getByRole("link", { name: "Next", exact: true }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  expect(new URL(page.url()).searchParams.get("action")).toBe(ACTION);
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText("thing-51");
  await expect(rows.last()).toContainText("thing-60");
  await expect(page.getByTestId("audit-count")).toHaveText("60 entries");
  await expect(page.getByRole("link", { name: "Next", exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Previous", exact: true }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("thing-1");

  // The back button returns to page 2, then to page 1, as they were.
  await page.goBack();
  await expect(rows.first()).toContainText("thing-51");
  await page.goBack();
  expect(page.url()).toBe(first);
  await expect(rows.first()).toContainText("thing-1");

  // Oldest first: the sort keeps the filter and starts at page one.
  await page.getByRole("link", { name: /When/ }).click();
  await expect(page).toHaveURL(/[?&]dir=asc/);
  expect(new URL(page.url()).searchParams.get("action")).toBe(ACTION);
  await expect(page.getByRole("columnheader", { name: /When/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first()).toContainText("thing-60");
  // Free text keeps the sort: a literal search, wildcards included.
  await page.getByLabel("Free text").fill("thing-5");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("audit-count")).toHaveText("11 entries");
  expect(new URL(page.url()).searchParams.get("dir")).toBe("asc");
  await page.getByLabel("Free text").fill("thing_5%");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("audit-count")).toHaveText("Nothing matches.");
  await expectAccessible(page);
});

test("the platform admin searches towns by name, slug or custom domain, and sorts them", async ({ page }) => {
  await sql(
    `INSERT INTO "Domain" (host, "tenantId", "verificationToken") SELECT $1, id, 'e2e' FROM "Tenant" WHERE slug = 'gent' ON CONFLICT DO NOTHING`,
    [HOST],
  );
  await signInAs(page, null, "platform@helpt.example");
  await page.goto(apex("/admin"));
  const rows = page.getByTestId("towns").locator("tbody tr");
  await page.getByLabel("Name, slug or domain").fill("lists-e2e");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=lists-e2e/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Gent");
  await expect(page.getByTestId("towns-count")).toHaveText("1 town");

  await page.getByLabel("Name, slug or domain").fill("LEUV");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Leuven");

  await page.goto(apex("/admin"));
  await expect(page.getByRole("columnheader", { name: /^Town/ })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: /Signed up/ }).click();
  await expect(page).toHaveURL(/[?&]sort=created&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Signed up/ })).toHaveAttribute("aria-sort", "descending");
  const [{ newest }] = await sql<{ newest: string }>(`SELECT name AS newest FROM "Tenant" ORDER BY "createdAt" DESC, id DESC LIMIT 1`);
  await expect(rows.first()).toContainText(newest);
  await expectAccessible(page);
});

test("a partner organisation searches and sorts who applied to its vacancies", async ({ page }) => {
  // Three of Leuven's volunteers apply to the care home's vacancy.
  await sql(
    `INSERT INTO "VacancyApplication" ("tenantId", id, "vacancyId", "volunteerId", "createdAt")
     SELECT v."tenantId", 'e2e-lists-' || p.id, v.id, p.id, now() - (length(p.name) || ' minutes')::interval
       FROM "Vacancy" v JOIN "Organisation" o ON o."tenantId" = v."tenantId" AND o.id = v."organisationId"
       JOIN "VolunteerProfile" p ON p."tenantId" = v."tenantId"
       JOIN "Tenant" t ON t.id = v."tenantId"
      WHERE o."tenantId" = t.id AND t.slug = 'leuven' AND v.title = 'Nursing students for our care home' AND p.name IN ('Volunteer 1', 'Volunteer 2', 'Volunteer 11')
     ON CONFLICT DO NOTHING`,
  );
  await signInAs(page, "leuven", "carehome@leuven.example");
  await page.goto(town("leuven", "/organisation"));
  const rows = page.getByTestId("applicants").locator("tbody tr");
  await expect(rows.filter({ hasText: "Volunteer 11" })).toHaveCount(1);
  await page.getByLabel("Name or e-mail").fill("volunteer1");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=volunteer1/);
  // volunteer1@… and volunteer11@…, by e-mail; never Volunteer 2.
  await expect(rows.filter({ hasText: "Volunteer 2" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Volunteer 1" })).not.toHaveCount(0);

  await page.getByRole("link", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/[?&]sort=name/);
  expect(new URL(page.url()).searchParams.get("q")).toBe("volunteer1");
  await expect(page.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first().getByRole("rowheader")).toHaveText("Volunteer 1");
  await expectAccessible(page);
});
