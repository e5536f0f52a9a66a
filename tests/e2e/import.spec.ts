import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { volunteerList } from "../fixtures/volunteer-list";
import { arrangeInvited } from "./helpers/import-fixture";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Importstad, afresh every run: a coordinator imports the town's volunteer list.
const SLUG = "importstad";
const TOWN_ID = "e2e-importstad";
const COORDINATOR = "coordinator@importstad.example";
const run = Date.now().toString(36);
const people = ["Lotte Janssens", "Jan Peeters", "Sara El Idrissi"].map((name, i) => ({ name, email: `import-${run}-${i}@importstad.example` }));

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${[["Naam", "E-mailadres", "GSM", "Postcode", "Talen"], ...rows].map((r) => r.join(";")).join("\r\n")}\r\n`);
const withErrors = csv([
  [people[0].name, people[0].email, "0470 12 34 56", "1000", "Nederlands"],
  [people[1].name, "jan.peeters@", "0470 12 34 57", "1000", "Frans"],
  [people[2].name, people[2].email, "12345", "1000", "en"],
]);
const fixed = csv([
  [people[0].name, people[0].email, "0470 12 34 56", "1000", "Nederlands"],
  [people[1].name, people[1].email, "0470 12 34 57", "1000", "Frans"],
  [people[2].name, people[2].email, "0470 12 34 58", "1000", "en"],
]);

test.beforeAll(async () => {
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [TOWN_ID]);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, locales, "defaultLocale", "updatedAt") VALUES ($1, $2, 'Importstad', '011 22 33 66', ARRAY['en','nl','fr'], 'en', now())`,
    [TOWN_ID, SLUG],
  );
  await sql(`INSERT INTO "Category" ("tenantId", id, key, labels, position) VALUES ($1, 'e2e-import-groceries', 'groceries', '{"nl":"Boodschappen","en":"Groceries"}', 1)`, [TOWN_ID]);
  await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('e2e-import-coordinator', $1, now()) ON CONFLICT (email) DO NOTHING`, [COORDINATOR]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, 'e2e-import-coordinator', u.id, 'COORDINATOR' FROM "User" u WHERE u.email = $2`, [TOWN_ID, COORDINATOR]);
});

test("upload with errors → translated errors → fixed file → confirm → progress → done → invitation → accepted and active", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await signInAs(page, SLUG, COORDINATOR);
  await page.goto(town(SLUG, "/staff/volunteers"));
  await page.getByRole("link", { name: "Import volunteers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import volunteers" })).toBeVisible();
  await expectAccessible(page);

  // A file that is not a list: refused in words, never a server error.
  await page.getByLabel("Volunteer list (CSV or XLSX)").setInputFiles({ name: "photo.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator("#file-error")).toContainText("Old Excel files (.xls) cannot be read");

  await page.getByLabel("Volunteer list (CSV or XLSX)").setInputFiles({ name: "vrijwilligers.csv", mimeType: "text/csv", buffer: withErrors });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview of vrijwilligers.csv" })).toBeVisible();
  await expect(page.getByTestId("count-new")).toHaveText("1");
  await expect(page.getByTestId("count-invalid")).toHaveText("2");
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("This is not a valid e-mail address.");
  await expect(problems).toContainText("This is not a valid phone number for Belgium.");
  await expect(page.getByTestId("import-mapping")).toContainText("E-mailadres");
  await expectAccessible(page);
  const preview = page.url();

  // The same errors in the reader's language.
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "fr", domain: `${SLUG}.localhost`, path: "/" }]);
  await page.reload();
  await expect(problems).toContainText("Ce n'est pas une adresse e-mail valide.");
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", domain: `${SLUG}.localhost`, path: "/" }]);
  await page.reload();

  // The coordinator fixes the file and uploads it again from the preview: the new preview replaces it.
  await page.getByLabel("Volunteer list (CSV or XLSX)").setInputFiles({ name: "vrijwilligers.csv", mimeType: "text/csv", buffer: fixed });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page).not.toHaveURL(preview);
  await expect(page.getByTestId("count-new")).toHaveText("3");
  await expect(page.getByTestId("count-invalid")).toHaveText("0");
  await expect(page.getByTestId("import-first-rows")).toContainText(people[2].name);
  expect((await page.goto(preview))?.status()).toBe(404);
  await page.goBack();

  await page.getByRole("button", { name: "Import 3 volunteers and send invitations" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  // The worker imports it; the page follows by itself, and a reload shows the same.
  await expect(page.getByTestId("import-progress-text")).toContainText("Done: 3 of 3 rows processed: 3 imported, 0 skipped.", { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId("import-progress-text")).toContainText("Done");
  await expectAccessible(page);
  const [audit] = await sql<{ details: { fileName: string; toImport: number } }>(`SELECT details FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'volunteers.import'`, [TOWN_ID]);
  expect(audit.details).toMatchObject({ fileName: "vrijwilligers.csv", toImport: 3 });
  const [invited] = await sql<{ status: string }>(`SELECT p.status FROM "VolunteerProfile" p JOIN "User" u ON u.id = p."userId" WHERE p."tenantId" = $1 AND u.email = $2`, [TOWN_ID, people[0].email]);
  expect(invited.status).toBe("INVITED");

  // The invitation in the development mailbox; the volunteer accepts on their phone, without a password.
  let link = "";
  await expect(async () => {
    const inbox = await browser.newPage();
    await inbox.goto(apex(`/dev/mailbox?to=${encodeURIComponent(people[0].email)}`));
    const mails = await inbox.getByTestId("mail-text").allInnerTexts();
    await inbox.close();
    link = mails.map((t) => t.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_.-]+/)?.[0]).find(Boolean) ?? "";
    expect(link).toMatch(/^http/);
  }).toPass({ timeout: 30_000 });
  const phone = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 }, isMobile: true });
  const volunteer = await phone.newPage();
  await volunteer.goto(link);
  await expect(volunteer.getByRole("heading", { name: `Welcome, ${people[0].name}` })).toBeVisible();
  await expectAccessible(volunteer);
  await volunteer.getByRole("button", { name: "Confirm and start volunteering" }).click();
  await expect(volunteer.getByText("Please accept the code of conduct.")).toBeVisible();
  await volunteer.getByLabel("I accept the code of conduct.").check();
  await volunteer.getByLabel(/I have read the privacy statement/).check();
  await volunteer.getByRole("button", { name: "Confirm and start volunteering" }).click();
  await expect(volunteer.getByTestId("invitation-accepted")).toBeVisible();
  const [active] = await sql<{ status: string }>(`SELECT p.status FROM "VolunteerProfile" p JOIN "User" u ON u.id = p."userId" WHERE p."tenantId" = $1 AND u.email = $2`, [TOWN_ID, people[0].email]);
  expect(active.status).toBe("ACTIVE");
  // Single use: the link now opens nothing.
  expect((await volunteer.goto(link))?.status()).toBe(404);
  await phone.close();
});

test("a list of 10,500 volunteers (1.8 MB) is read and previewed; a file over 10 MB is refused before it is sent, and stays chosen", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, SLUG, COORDINATOR);
  await page.goto(town(SLUG, "/staff/volunteers/import"));
  const file = page.getByLabel("Volunteer list (CSV or XLSX)");
  const posts: string[] = [];
  page.on("request", (r) => { if (r.method() === "POST") posts.push(r.url()); });
  await file.setInputFiles({ name: "te-groot.csv", mimeType: "text/csv", buffer: Buffer.alloc(10_000_001, "a") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator("#file-error")).toHaveText("The file is too large. Split it into files of at most 10 MB.");
  expect(posts).toEqual([]);
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("te-groot.csv");

  // What towns keep besides (street, town, remarks) takes 10,500 rows past the 1 MB every other form is held to.
  const list = volunteerList(10_500, `e2e${run}`);
  expect(list.length).toBeGreaterThan(1024 * 1024);
  await file.setInputFiles({ name: "alle-vrijwilligers.csv", mimeType: "text/csv", buffer: list });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview of alle-vrijwilligers.csv" })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId("count-new")).toHaveText("10500");
  await expect(page.getByTestId("count-invalid")).toHaveText("0");
  await expect(page.getByTestId("import-first-rows")).toContainText("Lotte");
  expect(posts.length).toBe(1);
});

type Texts = { invitation: { metaTitle: string }; volunteer: { invitedNotice: string; pausedNotice: string; resume: string } };
const fr = JSON.parse(readFileSync(new URL("../../messages/fr.json", import.meta.url), "utf8")) as Texts;

test("an imported volunteer who signs in before following the link is shown the invitation to confirm, in their language, not a pause", async ({ page }) => {
  test.setTimeout(120_000);
  const id = `e2e-import-own-${run}`;
  await arrangeInvited(TOWN_ID, id);
  await signInAs(page, SLUG, `${id}@invited.example`);
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "fr", domain: `${SLUG}.localhost`, path: "/" }]);
  await page.goto(town(SLUG, "/volunteer"));
  const invitation = page.getByTestId("volunteer-invitation");
  await expect(invitation.getByRole("heading", { name: fr.invitation.metaTitle })).toBeVisible();
  await expect(page.getByText(fr.volunteer.invitedNotice)).toBeVisible();
  await expect(page.getByText(fr.volunteer.pausedNotice)).toHaveCount(0);
  await expect(page.getByRole("button", { name: fr.volunteer.resume })).toHaveCount(0);
  await expectAccessible(page);

  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "en", domain: `${SLUG}.localhost`, path: "/" }]);
  await page.reload();
  await invitation.getByRole("button", { name: "Confirm and start volunteering" }).click();
  await expect(invitation.getByText("Please accept the code of conduct.")).toBeVisible();
  await invitation.getByLabel("I accept the code of conduct.").check();
  await invitation.getByLabel(/I have read the privacy statement/).check();
  await invitation.getByRole("button", { name: "Confirm and start volunteering" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are now an active volunteer" })).toBeVisible();
  await expect(page.getByTestId("volunteer-status")).toHaveText("You are available for requests.");
  await expect(page.getByTestId("volunteer-invitation")).toHaveCount(0);
  const [profile] = await sql<{ status: string }>(`SELECT status FROM "VolunteerProfile" WHERE "tenantId" = $1 AND id = $2`, [TOWN_ID, id]);
  expect(profile.status).toBe("ACTIVE");
});
