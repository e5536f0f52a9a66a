import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

// Issue 21 from end to end, in Zorgstad (afresh every run): a social service
// refers a resident for babysitting, which the town gates on a record extract;
// the coordinator can match only the checked volunteer; the resident's worry,
// taken by staff on the phone, reaches the safeguarding lead alone, who pauses
// that volunteer.
const SLUG = "zorgstad";
const TOWN_ID = "e2e-zorgstad";
const CATEGORY = "e2e-zorg-babysitting";
const PARTNER = "Sociaal Huis Zorgstad";
const SUMMARY = "Babysitting two evenings for a parent in hospital";
const PEOPLE = {
  admin: { email: "admin@zorgstad.example", roles: ["ADMIN"] },
  staff: { email: "staff@zorgstad.example", roles: ["STAFF"] },
  lead: { email: "lead@zorgstad.example", roles: ["STAFF", "SAFEGUARDING"] },
  partner: { email: "partner@zorgstad.example", roles: ["ORGANISATION"] },
  checked: { email: "checked@zorgstad.example", roles: ["VOLUNTEER"], name: "Chris Checked" },
  unchecked: { email: "unchecked@zorgstad.example", roles: ["VOLUNTEER"], name: "Umar Unchecked" },
} as const;
type Person = keyof typeof PEOPLE;

test.beforeAll(async () => {
  await sql(`DELETE FROM "Tenant" WHERE id = $1`, [TOWN_ID]);
  await sql(
    `INSERT INTO "Tenant" (id, slug, name, phone, locales, "defaultLocale", "updatedAt") VALUES ($1, $2, 'Zorgstad', '011 22 33 99', ARRAY['en','nl'], 'en', now())`,
    [TOWN_ID, SLUG],
  );
  await sql(
    `INSERT INTO "Category" ("tenantId", id, key, labels, position, "requiredChecks")
     VALUES ($1, $2, 'babysitting', '{"nl":"Babysit","en":"Babysitting"}', 1, ARRAY['RECORD_EXTRACT']::"CheckKind"[])`,
    [TOWN_ID, CATEGORY],
  );
  for (const [key, person] of Object.entries(PEOPLE)) {
    await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (email) DO NOTHING`, [`e2e-zorg-${key}`, person.email]);
    for (const role of person.roles) {
      await sql(
        `INSERT INTO "Membership" ("tenantId", id, "userId", role) SELECT $1, $2, u.id, $3::"Role" FROM "User" u WHERE u.email = $4`,
        [TOWN_ID, `e2e-zorg-${key}-${role.toLowerCase()}`, role, person.email],
      );
    }
  }
  await sql(`INSERT INTO "Organisation" ("tenantId", id, name, kind) VALUES ($1, 'e2e-zorg-partner', $2, 'SOCIAL_SERVICE')`, [TOWN_ID, PARTNER]);
  await sql(
    `INSERT INTO "OrganisationMember" ("tenantId", id, "organisationId", "membershipId", role, name, phone)
     VALUES ($1, 'e2e-zorg-partner-manager', 'e2e-zorg-partner', 'e2e-zorg-partner-organisation', 'MANAGER', 'Els Claes', '+3216123456')`,
    [TOWN_ID],
  );
  for (const key of ["checked", "unchecked"] as const) {
    await sql(
      `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
       SELECT $1, $2, $3, u.id, $4, '+32470000077', '1000', ARRAY[$5::text], ARRAY['en'], ARRAY[]::text[], ARRAY[]::text[], now(), now() FROM "User" u WHERE u.email = $6`,
      [TOWN_ID, `e2e-zorg-${key}`, `e2e-zorg-${key}-volunteer`, PEOPLE[key].name, CATEGORY, PEOPLE[key].email],
    );
  }
  // Staff saw Chris's record extract last month (the check's page is tested in checks.spec.ts).
  await sql(
    `INSERT INTO "VolunteerCheck" ("tenantId", id, "volunteerId", kind, "confirmedAt", "validUntil", note)
     VALUES ($1, 'e2e-zorg-check', 'e2e-zorg-checked', 'RECORD_EXTRACT', now() - interval '30 days', now() + interval '3 years', 'Model 2 seen')`,
    [TOWN_ID],
  );
});

async function as(browser: Browser, who: Person) {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await signInAs(page, SLUG, PEOPLE[who].email);
  return page;
}

/** A same-site download read from inside the signed-in page (Node's own client cannot resolve *.localhost). */
const readInPage = (page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).text(), path);

/** Mails sent to `email` that link to a concern. */
async function concernMails(email: string) {
  return sql(`SELECT 1 FROM "DevMailboxMessage" WHERE "to" = $1 AND text LIKE '%/staff/concerns/%'`, [email]);
}

test("a partner refers a resident; only the checked volunteer is matched; the resident's concern reaches the lead alone, who pauses that volunteer", async ({ browser }) => {
  test.setTimeout(300_000);

  // The social service refers a resident, with her consent.
  const partner = await as(browser, "partner");
  await partner.goto(town(SLUG, "/organisation/refer"));
  await partner.locator("#categoryId").selectOption({ label: "Babysitting" });
  await partner.locator("#description").fill("Two children, 4 and 7; their mother is in hospital on Tuesday and Thursday evenings.");
  await partner.locator("#postcode").fill("1000");
  await partner.locator("#name").fill("Rosa Claes");
  await partner.locator("#phone").fill("016 44 55 66");
  await partner.locator("#consentByPhone").check();
  await partner.getByRole("button", { name: "Send the referral" }).click();
  const created = partner.getByTestId("referral-created");
  await expect(created).toContainText("sent");
  const reference = (await created.innerText()).match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];

  // The coordinator sees who referred it, publishes it, and is offered only the checked volunteer.
  const coordinator = await as(browser, "admin");
  await coordinator.goto(town(SLUG, "/staff/requests?source=REFERRAL"));
  await coordinator.getByRole("link", { name: reference }).click();
  await expect(coordinator.getByTestId("referral")).toContainText(`Els Claes, ${PARTNER}`);
  await coordinator.getByLabel("What volunteers see").fill(SUMMARY);
  await coordinator.getByRole("button", { name: "Publish for volunteers" }).click();
  await expect(coordinator.getByTestId("status")).toHaveText("Open");
  await expect(coordinator.getByLabel(`Choose ${PEOPLE.checked.name}`)).toBeVisible();
  await expect(coordinator.getByLabel(`Choose ${PEOPLE.unchecked.name}`)).toHaveCount(0);

  // The volunteer without the check sees that it is needed, not what the request is about, and cannot offer.
  const unchecked = await as(browser, "unchecked");
  await unchecked.goto(town(SLUG, "/volunteer"));
  const near = unchecked.getByTestId("requests-near");
  await expect(near.getByTestId("needs-checks")).toContainText("Needs: Criminal-record extract.");
  await expect(near).not.toContainText(SUMMARY);
  await expect(near.getByRole("button", { name: "I can help" })).toHaveCount(0);

  // The checked volunteer sees it; the coordinator assigns them.
  const checked = await as(browser, "checked");
  await checked.goto(town(SLUG, "/volunteer"));
  await expect(checked.getByTestId("requests-near")).toContainText(SUMMARY);
  await coordinator.getByLabel(`Choose ${PEOPLE.checked.name}`).check();
  await coordinator.getByRole("button", { name: "Assign the chosen volunteers" }).click();
  await expect(coordinator.getByTestId("status")).toHaveText("Matched");
  const requestUrl = coordinator.url();
  expect(await sql(`SELECT v.name FROM "Assignment" a JOIN "VolunteerProfile" v ON v."tenantId" = a."tenantId" AND v.id = a."volunteerId" WHERE a."tenantId" = $1`, [TOWN_ID]))
    .toEqual([{ name: PEOPLE.checked.name }]);

  // The partner follows its referral's status, never who helps.
  await partner.goto(town(SLUG, "/organisation/referrals"));
  await expect(partner.getByTestId("referrals")).toContainText(reference);
  await expect(partner.getByTestId("referrals")).toContainText("Matched");
  await expect(partner.locator("body")).not.toContainText(PEOPLE.checked.name);

  // Rosa calls the town, worried; staff take her concern down from the request's page.
  const staff = await as(browser, "staff");
  await staff.goto(requestUrl);
  await staff.getByTestId("raise-concern").click();
  await staff.getByLabel("Who or what is it about?").fill("The babysitter");
  await staff.getByLabel("What worries you?").fill("Rosa says the babysitter left the children alone for an hour.");
  await staff.getByLabel("Is it about one of the volunteers on this request?").selectOption({ label: PEOPLE.checked.name });
  await staff.getByLabel("How can the safeguarding lead reach the person who raised it?").fill("Rosa, 016 44 55 66");
  await staff.getByRole("button", { name: "Send the concern" }).click();
  await expect(staff.getByTestId("concern-sent")).toBeVisible();

  // It reaches the lead, and nobody else: no mail to others, and their pages answer 404.
  await expect.poll(async () => (await concernMails(PEOPLE.lead.email)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  for (const other of ["admin", "staff", "partner", "checked", "unchecked"] as const) expect(await concernMails(PEOPLE[other].email)).toEqual([]);
  const lead = await as(browser, "lead");
  await lead.goto(town(SLUG, "/staff"));
  await lead.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Concerns" }).click();
  await lead.getByTestId("open-concerns").getByRole("link", { name: "The babysitter" }).click();
  await expect(lead.getByTestId("concern-body")).toContainText("left the children alone");
  const concernUrl = lead.url();
  for (const page of [coordinator, staff, partner, checked]) {
    expect((await page.goto(concernUrl))?.status()).toBe(404);
    expect((await page.goto(town(SLUG, "/staff/concerns")))?.status()).toBe(404);
  }

  // The lead pauses the volunteer at once: out of matching until the concern is closed.
  await lead.getByRole("button", { name: `Pause ${PEOPLE.checked.name} now` }).click();
  await expect(lead.getByTestId("concern-volunteer")).toContainText(`${PEOPLE.checked.name} (paused)`);
  await expectAccessible(lead);
  expect(await sql(`SELECT status FROM "VolunteerProfile" WHERE "tenantId" = $1 AND id = 'e2e-zorg-checked'`, [TOWN_ID])).toEqual([{ status: "PAUSED" }]);
  await checked.goto(town(SLUG, "/volunteer"));
  await expect(checked.getByTestId("volunteer-status")).not.toHaveText(/active/i);
  expect(await readInPage(checked, "/volunteer/export")).not.toContain("left the children alone");
  for (const page of [partner, coordinator, unchecked, checked, staff, lead]) await page.context().close();
});
