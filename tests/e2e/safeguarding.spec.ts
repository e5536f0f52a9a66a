import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { arrangeConcern } from "./helpers/concern-fixture";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Issue 21: a resident's concern taken by staff on the phone reaches the
// safeguarding lead only, who pauses the volunteer at once; a volunteer's
// hours, confirmed by a coordinator, on their certificate.

const LEAD = "admin@leuven.example";
const STAFF = "staff@leuven.example";

/** A volunteer of Leuven of this test's own (pausing them disturbs no other spec), sent to a request; done or not. */
async function arrangeAssignment(mark: string, done: boolean) {
  const [{ tenantId, categoryId }] = await sql<{ tenantId: string; categoryId: string }>(
    `SELECT t.id AS "tenantId", c.id AS "categoryId" FROM "Tenant" t JOIN "Category" c ON c."tenantId" = t.id AND c.active WHERE t.slug = 'leuven' ORDER BY c.position LIMIT 1`,
  );
  const email = `care-${mark}@leuven.example`;
  const id = (name: string) => `e2e-care-${mark}-${name}`;
  await sql(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [id("user"), email, `Vol ${mark}`]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $3, 'VOLUNTEER')`, [tenantId, id("m"), id("user")]);
  await sql(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, '+32470555000', '3000', ARRAY[$6::text], ARRAY['en'], ARRAY[]::text[], ARRAY[]::text[], now(), now())`,
    [tenantId, id("vol"), id("m"), id("user"), `Vol ${mark}`, categoryId]);
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, description, "publicSummary", neighbourhood, postcode, "residentName", "residentPhone", "publishedAt", "closedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::"RequestStatus", 'Groceries', 'Groceries for a neighbour', 'Centrum', '3000', 'Maria Care', '+3216112299', now(), $6, now())`,
    [tenantId, id("req"), `CARE-${mark.toUpperCase()}`.slice(0, 12), categoryId, done ? "DONE" : "MATCHED", done ? new Date() : null]);
  await sql(`INSERT INTO "Assignment" ("tenantId", id, "requestId", "volunteerId", "doneAt") VALUES ($1, $2, $3, $4, $5)`,
    [tenantId, id("asg"), id("req"), id("vol"), done ? new Date() : null]);
  return { tenantId, email, name: `Vol ${mark}`, requestId: id("req"), volunteerId: id("vol"), reference: `CARE-${mark.toUpperCase()}`.slice(0, 12) };
}

async function signedInPage(browser: Browser, email: string) {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await signInAs(page, "leuven", email);
  return page;
}

test("a resident's concern taken by staff on the phone reaches the safeguarding lead only, who pauses the volunteer", async ({ browser }) => {
  test.setTimeout(180_000);
  const mark = randomBytes(3).toString("hex");
  const a = await arrangeAssignment(mark, false);
  // The admin is named lead (as the team settings do); the fixture's own concern is of no matter here.
  await arrangeConcern(a.tenantId, a.requestId, a.volunteerId, LEAD);
  await sql(`DELETE FROM "Concern" WHERE "tenantId" = $1 AND id = $2`, [a.tenantId, `e2e-concern-${a.tenantId}`]);

  const staff = await signedInPage(browser, STAFF);
  await staff.goto(town("leuven", `/staff/requests/${a.requestId}`));
  await staff.getByTestId("raise-concern").click();
  await expect(staff.getByRole("heading", { level: 1, name: "A concern taken by phone" })).toBeVisible();
  await staff.getByLabel("Who or what is it about?").fill(`The volunteer ${mark}`);
  await staff.getByLabel("What worries you?").fill(`Maria says the volunteer asked to borrow money ${mark}.`);
  await staff.getByLabel("Is it about one of the volunteers on this request?").selectOption({ label: a.name });
  await staff.getByLabel("How can the safeguarding lead reach the person who raised it?").fill("Maria, 016 11 22 99");
  await staff.getByRole("button", { name: "Send the concern" }).click();
  await expect(staff.getByTestId("concern-sent")).toBeVisible();
  await expectAccessible(staff);
  // Staff do not see concerns: no tab, and the lead's pages are "not found" to them.
  await expect(staff.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Concerns" })).toHaveCount(0);
  expect((await staff.goto(town("leuven", "/staff/concerns")))?.status()).toBe(404);

  // The lead is told by e-mail, without the concern's words.
  await expect.poll(async () => (await sql<{ text: string }>(
    `SELECT text FROM "DevMailboxMessage" WHERE "to" = $1 AND text LIKE '%/staff/concerns/%' AND "createdAt" > now() - interval '5 minutes'`, [LEAD])).length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect((await sql(`SELECT 1 FROM "DevMailboxMessage" WHERE text LIKE $1`, [`%borrow money ${mark}%`])).length).toBe(0);

  const lead = await signedInPage(browser, LEAD);
  await lead.goto(town("leuven", "/staff"));
  await lead.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Concerns" }).click();
  await lead.getByTestId("open-concerns").getByRole("link", { name: `The volunteer ${mark}` }).click();
  await expect(lead.getByTestId("concern-body")).toContainText(`borrow money ${mark}`);
  await expect(lead.getByTestId("concern-volunteer")).toContainText(`${a.name} (active)`);
  await expectAccessible(lead);
  await lead.getByRole("button", { name: `Pause ${a.name} now` }).click();
  await expect(lead.getByTestId("concern-volunteer")).toContainText(`${a.name} (paused)`);
  await expect(lead.getByTestId("concern-status")).toHaveText("In progress");
  const [profile] = await sql<{ status: string }>(`SELECT status FROM "VolunteerProfile" WHERE "tenantId" = $1 AND id = $2`, [a.tenantId, a.volunteerId]);
  expect(profile.status).toBe("PAUSED");
  const concernUrl = lead.url();

  // The volunteer it names: paused, cannot resume, and never sees the concern.
  const volunteer = await signedInPage(browser, a.email);
  await volunteer.goto(town("leuven", "/volunteer"));
  await expect(volunteer.getByTestId("volunteer-status")).not.toHaveText(/active/i);
  expect((await volunteer.goto(concernUrl))?.status()).toBe(404);
  await volunteer.goto(town("leuven", "/volunteer"));
  // Read from inside the signed-in page: Node's own client cannot resolve *.localhost.
  expect(await volunteer.evaluate(async () => (await fetch("/volunteer/export")).text())).not.toContain(`borrow money ${mark}`);
  await volunteer.context().close();
  await staff.context().close();
  await lead.context().close();
});

test("a volunteer logs hours, the coordinator confirms them, the volunteer downloads the certificate", async ({ browser }) => {
  test.setTimeout(180_000);
  const mark = randomBytes(3).toString("hex");
  const a = await arrangeAssignment(mark, true);

  const volunteer = await signedInPage(browser, a.email);
  await volunteer.goto(town("leuven", "/volunteer"));
  await volunteer.getByRole("link", { name: "My help and certificate" }).click();
  const item = volunteer.getByTestId("finished-assignments").getByRole("listitem").filter({ hasText: a.reference });
  await item.getByLabel("Hours").fill("2,5");
  await item.getByLabel("Visits").fill("2");
  await item.getByRole("button", { name: "Save my hours" }).click();
  await expect(item.getByTestId("log-status")).toContainText("waiting for a coordinator");
  await expectAccessible(volunteer);

  const coordinator = await signedInPage(browser, LEAD);
  await coordinator.goto(town("leuven", "/staff"));
  await coordinator.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Hours" }).click();
  const row = coordinator.getByRole("row").filter({ hasText: a.reference });
  await expect(row).toContainText(a.name);
  await row.getByRole("button", { name: "Confirm" }).click();
  await expect(coordinator.getByRole("row").filter({ hasText: a.reference })).toHaveCount(0);

  await volunteer.reload();
  await expect(volunteer.getByTestId("confirmed-hours")).toHaveText("2.5");
  const download = volunteer.waitForEvent("download");
  await volunteer.getByTestId("certificate").click();
  const pdf = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of pdf) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  await volunteer.context().close();
  await coordinator.context().close();
});
