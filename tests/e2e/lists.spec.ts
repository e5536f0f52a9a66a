import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Leuven's queue with 130 requests of one made-up neighbourhood (new, so never on the public
// list; low urgency and days old, so other specs' requests stay ahead of them in the default order).
const mark = randomBytes(3).toString("hex").toUpperCase();
const hood = `Lijstwijk ${mark}`;
const ref = (i: number) => `L${mark}-${String(i).padStart(3, "0")}`;
const TOTAL = 160; // 107 of them low: three pages of 50

test.beforeAll(async () => {
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, urgency, neighbourhood, postcode, "publicSummary", "createdAt", "updatedAt")
     SELECT t.id, 'e2e-list-' || $1 || '-' || n, 'L' || $1 || '-' || lpad(n::text, 3, '0'),
            (SELECT c.id FROM "Category" c WHERE c."tenantId" = t.id ORDER BY c.position LIMIT 1), 'NEW',
            (CASE WHEN n % 3 = 0 THEN 'NORMAL' ELSE 'LOW' END)::"Urgency", $2, '3000', 'Shopping', now() - interval '3 days' - n * interval '1 minute', now()
       FROM "Tenant" t, generate_series(1, $3::int) n WHERE t.slug = 'leuven'`, [mark, hood, TOTAL]);
});

test.afterAll(async () => {
  await sql(`DELETE FROM "HelpRequest" WHERE id LIKE $1`, [`e2e-list-${mark}-%`]);
  await sql(`DELETE FROM "User" WHERE id = $1`, [`e2e-list-${mark}`]);
});

test("paging through the queue keeps filters and sort; the back button returns to the previous page; search finds a reference", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "leuven", "staff@leuven.example");
  await page.goto(town("leuven", "/staff/requests"));
  const filters = page.getByRole("form", { name: "Filter requests" });
  await filters.locator("select[name=neighbourhood]").selectOption(hood);
  await filters.locator("select[name=urgency]").selectOption({ label: "Low" });
  await filters.getByRole("button", { name: "Filter" }).click();
  const low = Array.from({ length: TOTAL }, (_, i) => i + 1).filter((n) => n % 3 !== 0);
  await expect(page.getByRole("status").filter({ hasText: "requests" })).toHaveText(`${low.length} requests`);

  // Sorted by reference (ascending), then pages 2 and 3: filters and sort stay.
  const queue = page.getByTestId("queue");
  await queue.getByRole("link", { name: "Reference" }).click();
  await expect(queue.getByRole("columnheader", { name: /Reference/ })).toHaveAttribute("aria-sort", "ascending");
  const refs = () => queue.locator("tbody tr a[href^=\"/staff/requests/\"]").allInnerTexts();
  await expect.poll(refs).toEqual(low.slice(0, 50).map(ref));
  await expectAccessible(page);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await pager.getByRole("link", { name: "Next" }).click();
  await expect.poll(refs).toEqual(low.slice(50, 100).map(ref));
  const second = page.url();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect.poll(refs).toEqual(low.slice(100).map(ref));
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ neighbourhood: hood, urgency: "LOW", sort: "reference", dir: "asc" });
  expect(url.searchParams.get("after")).toBeTruthy();
  await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);
  await expect(filters.locator("select[name=neighbourhood]")).toHaveValue(hood);

  await page.goBack();
  await expect(page).toHaveURL(second);
  await expect.poll(refs).toEqual(low.slice(50, 100).map(ref));
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect.poll(refs).toEqual(low.slice(0, 50).map(ref));

  // The other direction of the same sort, from the heading.
  await queue.getByRole("link", { name: "Reference" }).click();
  await expect.poll(async () => (await refs())[0]).toBe(ref(low.at(-1)!));

  // Search by a reference (the filters stay: it is among them).
  await filters.getByRole("searchbox").fill(ref(77).toLowerCase());
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect.poll(refs).toEqual([ref(77)]);
  await expect(page.getByRole("status").filter({ hasText: "request" })).toHaveText("1 request");
  // Staff may not act in bulk (coordinators and admins may): no selection column for them.
  await expect(queue.getByRole("checkbox")).toHaveCount(0);
  await expectAccessible(page);
});

test("volunteers are found by a part of their name", async ({ page }) => {
  const id = `e2e-list-${mark}`;
  await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $1 || '@example.be', now())`, [id]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT t.id, $1, $1, 'VOLUNTEER' FROM "Tenant" t WHERE t.slug = 'leuven'`, [id]);
  await sql(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT t.id, $1, $1, $1, $2, '+32470999888', '3000', ARRAY[]::text[], ARRAY['nl'], ARRAY[]::text[], ARRAY[]::text[], now(), now() FROM "Tenant" t WHERE t.slug = 'leuven'`,
    [id, `Zoekbare ${mark} Vrijwilliger`]);
  await signInAs(page, "leuven", "staff@leuven.example");
  await page.goto(town("leuven", "/staff/volunteers"));
  await page.getByLabel("Search by name, postcode or phone").fill(`zoekbare ${mark.toLowerCase()}`);
  await page.getByRole("button", { name: "Search" }).click();
  const list = page.getByTestId("volunteers");
  await expect(list.locator("tbody tr")).toHaveCount(1);
  await expect(list).toContainText(`Zoekbare ${mark} Vrijwilliger`);
  await expect(page.getByRole("status").filter({ hasText: "volunteer" })).toHaveText("1 volunteer");
  expect(new URL(page.url()).searchParams.get("q")).toBe(`zoekbare ${mark.toLowerCase()}`);
  await list.getByRole("link", { name: "Name" }).click();
  await expect(list.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  await expect(list.locator("tbody tr")).toHaveCount(1);
  await expectAccessible(page);
});
