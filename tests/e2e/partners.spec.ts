import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Partnerstad, afresh every run: the admin invites a social service, its
// manager accepts by e-mail and refers a resident, sees the referral's
// status, and the coordinator sees who referred it, to call them back.
const SLUG = "partnerstad";
const TOWN_ID = "e2e-partnerstad";
const ADMIN = "admin@partnerstad.example";
const run = Date.now().toString(36);
const MANAGER = `manager-${run}@partnerstad.example`;
const PARTNER = `OCMW Partnerstad ${run}`;

test.beforeAll(async () => {
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [TOWN_ID]);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, locales, "defaultLocale", "updatedAt") VALUES ($1, $2, 'Partnerstad', '011 22 33 77', ARRAY['en','nl','fr'], 'en', now())`,
    [TOWN_ID, SLUG],
  );
  await sql(`INSERT INTO "Category" ("tenantId", id, key, labels, position) VALUES ($1, 'e2e-partner-groceries', 'groceries', '{"nl":"Boodschappen","en":"Groceries"}', 1)`, [TOWN_ID]);
  await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('e2e-partner-admin', $1, now()) ON CONFLICT (email) DO NOTHING`, [ADMIN]);
  await sql(`INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, 'e2e-partner-admin', u.id, 'ADMIN' FROM "User" u WHERE u.email = $2`, [TOWN_ID, ADMIN]);
});

/** The invitation's link, once the worker has delivered the e-mail to the development mailbox. */
async function invitationLink(email: string): Promise<string> {
  let link: string | undefined;
  await expect.poll(async () => {
    const [mail] = await sql<{ text: string }>(`SELECT text FROM "DevMailboxMessage" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [email]);
    link = mail?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
    return link;
  }, { timeout: 30_000 }).toBeTruthy();
  return link!;
}

async function fillReferral(page: Page) {
  await page.locator("#categoryId").selectOption({ label: "Groceries" });
  await page.locator("#description").fill("Weekly groceries for a resident who just left hospital.");
  await page.locator("#postcode").fill("3000");
  await page.locator("#name").fill("Rosa Verbeke");
  await page.locator("#phone").fill("016 44 55 66");
}

test("admin invites a partner → its manager accepts → refers a resident → sees the status → the coordinator sees the referrer", async ({ browser, page }) => {
  test.setTimeout(180_000);
  await signInAs(page, SLUG, ADMIN);
  await page.goto(town(SLUG, "/settings"));
  await page.getByRole("link", { name: /Partner organisations/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partner organisations" })).toBeVisible();
  await page.getByLabel("Name of the organisation").fill(PARTNER);
  await page.getByLabel("Kind of organisation").selectOption("SOCIAL_SERVICE");
  await page.getByLabel("E-mail of its first member").fill(MANAGER);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByTestId("invitation-sent")).toContainText(MANAGER);
  await expect(page.getByTestId("partners")).toContainText(PARTNER);
  await expectAccessible(page);

  // The manager, in a browser of their own: the e-mail's link signs them in and opens the invitation.
  const context = await browser.newContext({ locale: "en-GB" });
  const manager = await context.newPage();
  await manager.goto(await invitationLink(MANAGER));
  await expect(manager.getByRole("heading", { level: 1, name: `Join ${PARTNER}` })).toBeVisible();
  await expectAccessible(manager);
  await manager.getByLabel("Your name").fill("Els Claes");
  await manager.getByLabel("Your phone number").fill("016 12 34 56");
  await manager.getByRole("button", { name: "Join" }).click();
  await expect(manager.getByTestId("partner-seat")).toHaveText("social service · you are its manager");

  // A referral without the resident's consent is refused in words; with it, registered.
  await manager.getByRole("link", { name: "Refer a resident" }).click();
  await expectAccessible(manager);
  await fillReferral(manager);
  await manager.getByRole("button", { name: "Send the referral" }).click();
  await expect(manager.locator("#consentByPhone-error")).toBeVisible();
  await expect(manager.locator("#name")).toHaveValue("Rosa Verbeke");
  await expect(manager.locator("#categoryId")).toHaveValue("e2e-partner-groceries");
  await manager.locator("#consentByPhone").check();
  await manager.getByRole("button", { name: "Send the referral" }).click();
  const created = manager.getByTestId("referral-created");
  await expect(created).toContainText("sent");
  const reference = (await created.innerText()).match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];

  await manager.getByRole("link", { name: "Our referrals" }).first().click();
  const referrals = manager.getByTestId("referrals");
  await expect(referrals).toContainText(reference);
  await expect(referrals).toContainText("New");
  await expect(referrals).toContainText("Els Claes");
  await expectAccessible(manager);
  // The town's pages stay closed to a partner.
  expect((await manager.goto(town(SLUG, "/staff/requests")))?.status()).toBe(404);
  await context.close();

  // The coordinator: the queue filtered on referrals names the partner; the request names the referrer, with a number to call back.
  await page.goto(town(SLUG, "/staff/requests?source=REFERRAL"));
  const queue = page.getByTestId("queue");
  await expect(queue).toContainText(reference);
  await expect(queue.getByTestId("referred-by")).toHaveText(`Referred by ${PARTNER}`);
  await page.getByRole("link", { name: reference }).click();
  const referral = page.getByTestId("referral");
  await expect(referral).toContainText(`Els Claes, ${PARTNER} (social service)`);
  await expect(referral.getByRole("link", { name: /Call Els Claes back/ })).toHaveAttribute("href", "tel:+3216123456");
  await expect(page.getByTestId("personal")).toContainText("Given by referral");
  await expectAccessible(page);
});
