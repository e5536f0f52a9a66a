import { expect, test } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Alertstad, in crisis mode, afresh every run: one coordinator, one volunteer, one new request.
const SLUG = "alertstad";
const TOWN_ID = "e2e-alertstad";
const COORDINATOR = "coordinator@alertstad.example";
const VOLUNTEER = "volunteer@alertstad.example";
const SUMMARY = "Groceries for a neighbour who cannot leave the house";
const MOBILE = "+32470000077";

test.beforeAll(async () => {
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [TOWN_ID]);
  await sql(`DELETE FROM "DevMailboxMessage" WHERE "to" = $1`, [VOLUNTEER]); // earlier runs' links are dead (their texts go with the town)
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, mode, locales, "defaultLocale", "updatedAt") VALUES ($1, $2, 'Alertstad', '011 22 33 55', 'CRISIS', ARRAY['en','nl'], 'en', now())`,
    [TOWN_ID, SLUG],
  );
  await sql(`INSERT INTO "Category" ("tenantId", id, key, labels, position) VALUES ($1, 'e2e-alert-groceries', 'groceries', '{"nl":"Boodschappen","en":"Groceries"}', 1)`, [TOWN_ID]);
  for (const [email, role] of [[COORDINATOR, "COORDINATOR"], [VOLUNTEER, "VOLUNTEER"]]) {
    await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (email) DO NOTHING`, [`e2e-${email.replace(/\W/g, "-")}`, email]);
    await sql(
      `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, $3::"Role" FROM "User" u WHERE u.email = $4`,
      [TOWN_ID, `e2e-alert-${role.toLowerCase()}`, role, email],
    );
  }
  await sql(
    // Ada said yes to alerts by text and confirmed her number with its code.
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, "smsAlerts", "phoneVerified", postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT $1, 'e2e-alert-volunteer', 'e2e-alert-volunteer', u.id, 'Ada Alert', $3, true, $3, '1000', ARRAY['e2e-alert-groceries'], ARRAY['en'], ARRAY[]::text[], ARRAY[]::text[], now(), now()
       FROM "User" u WHERE u.email = $2`,
    [TOWN_ID, VOLUNTEER, MOBILE],
  );
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", description, neighbourhood, postcode, "residentName", "residentPhone", urgency, "updatedAt")
     VALUES ($1, 'e2e-alert-request', 'ALRT-E2E1', 'e2e-alert-groceries', 'Milk and bread', 'Centrum', '1000', 'Rosa Claes', '+3216123456', 'HIGH', now())`,
    [TOWN_ID],
  );
});

test("publish in crisis mode → the volunteer's text (development SMS inbox) → 'I can help' without a password → the coordinator sees the offer", async ({ browser, page }) => {
  test.setTimeout(120_000);
  await signInAs(page, SLUG, COORDINATOR);
  await page.goto(town(SLUG, "/staff/requests/e2e-alert-request"));
  await page.getByLabel("What volunteers see").fill(SUMMARY);
  await page.getByRole("button", { name: "Publish for volunteers" }).click();
  await expect(page.getByTestId("status")).toHaveText("Open");

  // The worker sends the first wave within its polling (every 2 s) and the SMS outbox after it: the text and the mail carry the one-click link.
  let link = "";
  await expect(async () => {
    const inbox = await browser.newPage();
    await inbox.goto(apex(`/dev/sms?to=${encodeURIComponent(MOBILE)}`));
    const texts = await inbox.getByTestId("sms-text").allInnerTexts();
    await inbox.goto(apex(`/dev/mailbox?to=${encodeURIComponent(VOLUNTEER)}`));
    const mails = await inbox.getByTestId("mail-text").allInnerTexts();
    await inbox.close();
    const linkIn = (all: string[]) => all.map((t) => t.match(/https?:\/\/\S+\/a\/[A-Za-z0-9_-]{22}/)?.[0]).find(Boolean) ?? "";
    link = linkIn(texts);
    expect(link).toMatch(/^http/);
    expect(texts.find((t) => t.includes(link))!.length).toBeLessThanOrEqual(160);
    expect(texts.find((t) => t.includes(link))).toMatch(/^Alertstad: /);
    expect(linkIn(mails)).toBe(link);
  }).toPass({ timeout: 30_000 });

  // On the volunteer's phone: no session, no password.
  const phone = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 }, isMobile: true });
  const volunteer = await phone.newPage();
  await volunteer.goto(link);
  await expect(volunteer.getByRole("heading", { name: "Can you help?" })).toBeVisible();
  await expect(volunteer.getByTestId("alert-request")).toContainText("Centrum");
  await expect(volunteer.locator("body")).not.toContainText("Rosa Claes");
  await expectAccessible(volunteer);
  await volunteer.getByRole("button", { name: "I can help" }).click();
  await expect(volunteer.getByTestId("alert-done")).toBeVisible();
  // Used once: the same link is now a "not found" page.
  const again = await volunteer.goto(link);
  expect(again?.status()).toBe(404);
  await phone.close();

  await page.reload();
  await expect(page.getByTestId("candidates").getByRole("row").nth(1)).toContainText("Ada Alert");
  const alerts = page.getByTestId("alerts");
  await expect(alerts).toContainText("Ada Alert");
  await expect(alerts).toContainText("E-mail");
  await expect(alerts).toContainText("Text message");
  await expect(alerts).toContainText("Offered help through the link");
  await expectAccessible(page);
});
