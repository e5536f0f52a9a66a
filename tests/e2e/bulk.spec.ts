import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

const MARK = randomBytes(3).toString("hex").toUpperCase();
const PLACE = `Bulkwijk ${MARK}`;

/** Requests straight into Leuven's database, all in one neighbourhood of their own (the queue's filter finds exactly them). */
async function newRequests(count: number, place: string, prefix: string): Promise<string[]> {
  const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'leuven'`);
  const [{ id: categoryId }] = await sql<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 1`, [tenantId]);
  const ids = Array.from({ length: count }, (_, i) => `e2e-bulk-${prefix}-${MARK}-${i}`);
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", description, neighbourhood, postcode, "residentName", "updatedAt")
     SELECT $1, id, $4 || lpad(n::text, 2, '0') || '-' || $5, $2, 'Groceries for this week, please', $3, '3000', 'Bulk Resident', now()
       FROM unnest($6::text[]) WITH ORDINALITY AS t(id, n)`,
    [tenantId, categoryId, place, prefix.slice(0, 2).toUpperCase(), MARK.slice(0, 4), ids],
  );
  return ids;
}

const statuses = async (ids: string[]) =>
  (await sql<{ status: string }>(`SELECT status FROM "HelpRequest" WHERE id = ANY($1)`, [ids])).map((r) => r.status);

test.afterAll(async () => {
  await sql(`DELETE FROM "AuditLog" WHERE "subjectId" LIKE 'e2e-bulk-%'`);
  await sql(`DELETE FROM "HelpRequest" WHERE id LIKE 'e2e-bulk-%'`);
});

test("a coordinator publishes 50 new requests at once, after a review that says so", async ({ page }) => {
  test.setTimeout(180_000);
  const ids = await newRequests(50, PLACE, "pub");
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", `/staff/requests?status=NEW&neighbourhood=${encodeURIComponent(PLACE)}`));
  const bar = page.getByTestId("bulk-requests");
  await bar.getByLabel("All 50 on this page").check();
  // With JavaScript the boxes follow "all on this page".
  await expect(page.locator('input[name=ids][form="bulk-requests"]:checked')).toHaveCount(50);
  await bar.getByLabel("Action").selectOption("publish");
  await bar.getByRole("button", { name: "Review" }).click();
  const review = page.getByTestId("bulk-requests-review");
  await expect(review).toContainText("Publish 50 requests?");
  await expectAccessible(page);
  expect(await statuses(ids)).toEqual(Array(50).fill("NEW")); // nothing happens before the confirmation
  await review.getByRole("button", { name: "Yes, do it for 50" }).click();
  // Done, the page no longer lists them (none is new any more); the summary stays.
  await expect(page.getByTestId("bulk-result")).toContainText("50 done, 0 skipped.", { timeout: 60_000 });
  expect(await statuses(ids)).toEqual(Array(50).fill("OPEN"));
  const [{ count }] = await sql<{ count: string }>(`SELECT count(*) FROM "AuditLog" WHERE action = 'request.publish' AND "subjectId" = ANY($1)`, [ids]);
  expect(Number(count)).toBe(50);
  await expectAccessible(page);
});

test("without JavaScript: review, confirm, and a summary of what was skipped and why", async ({ browser }: { browser: Browser }) => {
  test.setTimeout(120_000);
  const place = `${PLACE} nojs`;
  const ids = await newRequests(3, place, "nojs");
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  // Signing in needs no script either; the rest of the test runs without.
  const signing = await browser.newContext({ locale: "en-GB" });
  const signer = await signing.newPage();
  await signInAs(signer, "leuven", "coordinator@leuven.example");
  await context.addCookies(await signing.cookies());
  await signing.close();

  await page.goto(town("leuven", `/staff/requests?status=NEW&neighbourhood=${encodeURIComponent(place)}`));
  for (const id of ids.slice(0, 2)) await page.locator(`input[name=ids][value="${id}"]`).check();
  const bar = page.getByTestId("bulk-requests");
  await bar.getByLabel("Action").selectOption("done");
  await bar.getByRole("button", { name: "Review" }).click();
  await expect(page.getByTestId("bulk-requests-review")).toContainText("Close 2 requests as done?");
  await page.getByTestId("bulk-requests-review").getByRole("button", { name: "Yes, do it for 2" }).click();
  // A new request cannot be done before it was open: both skipped, with the reason.
  await expect(page.getByTestId("bulk-result")).toContainText("0 done, 2 skipped.");
  await expect(page.getByTestId("bulk-skipped")).toContainText("not possible in its current status");
  expect(await statuses(ids)).toEqual(["NEW", "NEW", "NEW"]);
  await context.close();
});
