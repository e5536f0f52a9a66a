import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

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

// Berichtstad, afresh every run: a coordinator writes to some of the town's volunteers. Its clock is set to midday
// wherever the suite runs, so the message is no notification held for the morning (the quiet hours have their own tests).
const MSG_TOWN = "berichtstad";
const MSG_TOWN_ID = "e2e-berichtstad";
const MSG_COORDINATOR = `coordinator-${MARK.toLowerCase()}@berichtstad.example`;
const middayZone = () => {
  const offset = 12 - new Date().getUTCHours(); // -11 … 12 hours
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`; // POSIX signs: Etc/GMT-2 is UTC+2
};

test("a coordinator messages selected volunteers from the volunteers page: review, confirm, result; e-mails in the mailbox, one audit entry each", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [MSG_TOWN_ID]);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, locales, "defaultLocale", "timeZone", "updatedAt") VALUES ($1, $2, 'Berichtstad', '011 22 33 77', ARRAY['en','nl'], 'en', $3, now())`,
    [MSG_TOWN_ID, MSG_TOWN, middayZone()],
  );
  const people = [["Anna Actief", "ACTIVE"], ["Bart Actief", "ACTIVE"], ["Carla Actief", "ACTIVE"], ["Dirk Gepauzeerd", "PAUSED"]].map(([name, status], i) => ({
    id: `e2e-msg-${MARK}-${i}`, name: `${name} ${MARK}`, status, email: `volunteer-${i}-${MARK.toLowerCase()}@berichtstad.example`,
  }));
  await sql(`INSERT INTO "User" (id, email, "updatedAt") SELECT 'e2e-msg-coordinator-' || $1, $2, now()`, [MARK, MSG_COORDINATOR]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, 'e2e-msg-coordinator', u.id, 'COORDINATOR' FROM "User" u WHERE u.email = $2`, [MSG_TOWN_ID, MSG_COORDINATOR]);
  for (const p of people) {
    await sql(`INSERT INTO "User" (id, email, "emailVerified", "updatedAt") VALUES ($1, $2, now(), now())`, [p.id, p.email]);
    await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $2, 'VOLUNTEER')`, [MSG_TOWN_ID, p.id]);
    await sql(
      `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, status, "codeOfConductAt", "updatedAt")
       VALUES ($1, $2, $2, $2, $3, '', '3000', ARRAY[]::text[], ARRAY['en'], ARRAY[]::text[], ARRAY[]::text[], $4::"VolunteerStatus", now(), now())`,
      [MSG_TOWN_ID, p.id, p.name, p.status],
    );
  }
  const [chosen, paused, notChosen] = [[people[0], people[1]], people[3], people[2]];
  const subject = `Sandbags at the town hall ${MARK}`;
  const body = "Tomorrow from nine, at the back entrance.\n\nThank you!";

  await signInAs(page, MSG_TOWN, MSG_COORDINATOR);
  await page.goto(town(MSG_TOWN, "/staff/volunteers"));
  for (const p of [...chosen, paused]) await page.getByLabel(`Select ${p.name}`).check();
  const bar = page.getByTestId("bulk-volunteers");
  await bar.getByLabel("Subject").fill(subject);
  await bar.getByLabel("Message", { exact: true }).fill(body);
  await bar.getByRole("button", { name: "Review" }).click();
  const review = page.getByTestId("bulk-volunteers-review");
  await expect(review).toContainText(`Send “${subject}” to 3 volunteers?`);
  await expectAccessible(page);
  const audits = async () => (await sql<{ subjectId: string }>(`SELECT "subjectId" FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'volunteer.message' ORDER BY "subjectId"`, [MSG_TOWN_ID])).map((a) => a.subjectId);
  expect(await audits()).toEqual([]); // nothing is sent before the confirmation
  await review.getByRole("button", { name: "Yes, do it for 3" }).click();

  const result = page.getByTestId("bulk-result");
  await expect(result).toContainText("2 done, 1 skipped.");
  for (const p of chosen) await expect(page.getByTestId("bulk-done")).toContainText(`${p.name}: sent`);
  await expect(page.getByTestId("bulk-skipped")).toContainText(`${paused.name}: volunteer is paused or blocked`);
  await expectAccessible(page);
  expect(await audits()).toEqual(chosen.map((p) => p.id).sort());

  // The worker delivers them: each chosen volunteer has the message in the development mailbox, the others nothing.
  const inbox = await browser.newPage();
  const mails = async (email: string) => {
    await inbox.goto(apex(`/dev/mailbox?to=${encodeURIComponent(email)}`));
    return inbox.getByTestId("mail").allInnerTexts();
  };
  for (const p of chosen) {
    await expect(async () => {
      const found = (await mails(p.email)).filter((m) => m.includes(subject));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain("Tomorrow from nine, at the back entrance.");
    }).toPass({ timeout: 60_000 });
  }
  for (const p of [paused, notChosen]) expect((await mails(p.email)).filter((m) => m.includes(subject))).toEqual([]);
  await inbox.close();
});
