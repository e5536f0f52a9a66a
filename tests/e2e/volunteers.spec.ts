import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN, E2E_PORT } from "../../playwright.config";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

/** A fresh open request in Leuven's centre, so each run starts from the same state. */
async function publishedRequest(summary: string): Promise<string> {
  const reference = `E2E-${Date.now().toString(36).toUpperCase().slice(-4)}`;
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, description, "publicSummary", neighbourhood, postcode, "timeWindow",
                                "residentName", "residentPhone", "residentAddress", contactless, latitude, longitude, "publishedAt", "updatedAt")
     SELECT t.id, $1, $1, c.id, 'OPEN', 'Milk, bread and apples', $2, 'Centrum', '3000', 'Tuesday morning',
            'Rosa Claes', '+3216123456', 'Grote Markt 9', true, 50.8798, 4.7005, now(), now()
       FROM "Tenant" t JOIN "Category" c ON c."tenantId" = t.id AND c.key = 'groceries' WHERE t.slug = 'leuven'`,
    [reference, summary],
  );
  return reference;
}

test("a volunteer registers, responds, is assigned and only then sees the resident's details", async ({ browser }) => {
  test.setTimeout(120_000);
  const summary = `Weekly groceries for an older lady (${Date.now()})`;
  const reference = await publishedRequest(summary);
  const email = `vol-${Date.now()}@example.be`;
  const name = `Lotte ${Date.now().toString(36)}`;

  const volunteerContext = await browser.newContext({ locale: "en-GB" });
  const page = await volunteerContext.newPage();
  await signInAs(page, "leuven", email);
  await page.goto(town("leuven", "/volunteer"));
  await expect(page.getByRole("heading", { name: "Register as a volunteer in Leuven" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Phone number").fill("0470 99 88 77");
  await page.getByLabel("Postcode").fill("3000");
  await page.getByRole("checkbox", { name: "Groceries" }).check();
  await page.getByRole("checkbox", { name: "Dutch" }).check();
  await page.getByRole("checkbox", { name: "Tue Morning" }).check();
  await page.getByRole("button", { name: "Register as a volunteer" }).click();
  // The code of conduct must be accepted; nothing typed is lost.
  await expect(page.getByText("Please accept the code of conduct.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await expect(page.getByRole("checkbox", { name: "Groceries" })).toBeChecked();
  await page.getByLabel("I accept the code of conduct.").check();
  await page.getByRole("button", { name: "Register as a volunteer" }).click();
  await expect(page.getByRole("heading", { name: `Hello ${name}` })).toBeVisible();
  await expectAccessible(page);

  const card = page.getByTestId("requests-near").getByRole("listitem").filter({ hasText: summary });
  await card.getByLabel(/Short message/).fill("I live around the corner");
  await card.getByRole("button", { name: "I can help" }).click();
  const offer = page.getByTestId("my-offers").getByRole("listitem").filter({ hasText: summary });
  await expect(offer.getByTestId("offer-status")).toHaveText("You offered help. The coordinator will choose soon.");
  await expect(page.getByTestId("contact")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("Rosa Claes");

  const coordinatorContext = await browser.newContext({ locale: "en-GB" });
  const coordinator = await coordinatorContext.newPage();
  await signInAs(coordinator, "leuven", "coordinator@leuven.example");
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "HelpRequest" WHERE reference = $1`, [reference]);
  await coordinator.goto(town("leuven", `/staff/requests/${id}`));
  const candidates = coordinator.getByTestId("candidates");
  await expect(candidates.getByRole("row").nth(1)).toContainText(name); // responders first
  await expect(candidates).toContainText("I live around the corner");
  await expectAccessible(coordinator);
  await coordinator.getByRole("checkbox", { name: `Choose ${name}` }).check();
  await coordinator.getByRole("button", { name: "Assign the chosen volunteers" }).click();
  await expect(coordinator.getByTestId("status")).toHaveText("Matched");
  await expect(coordinator.getByTestId("assignments")).toContainText(name);

  await page.reload();
  await expect(offer.getByTestId("offer-status")).toHaveText("You were chosen. Thank you!");
  const contact = offer.getByTestId("contact");
  await expect(contact).toContainText("Rosa Claes");
  await expect(contact).toContainText("Grote Markt 9");
  await expect(contact.getByRole("link", { name: /Call/ })).toHaveAttribute("href", "tel:+3216123456");
  await expect(contact.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", "https://wa.me/3216123456");
  await expect(contact).toContainText("Contactless");
  await contact.getByLabel(/How did it go/).fill("Delivered, she was happy.");
  await contact.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByTestId("contact").filter({ hasText: "Rosa Claes" }).getByRole("button", { name: "Mark as done" })).toHaveCount(0);
  const [{ status }] = await sql<{ status: string }>(`SELECT status FROM "HelpRequest" WHERE id = $1`, [id]);
  expect(status).toBe("DONE");

  // The coordinator's mail to the volunteer went through the outbox.
  const [{ template }] = await sql<{ template: string }>(`SELECT template FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" LIMIT 1`, [email]);
  expect(template).toBe("volunteer-assigned");
  await volunteerContext.close();
  await coordinatorContext.close();
});

test("a partner organisation posts a vacancy that fitting volunteers can apply to", async ({ page }) => {
  await signInAs(page, "leuven", "carehome@leuven.example");
  await page.goto(town("leuven", "/organisation"));
  await expectAccessible(page);
  const title = `Students for the summer (${Date.now()})`;
  await page.getByLabel("Title of the vacancy").fill(title);
  await page.getByLabel("What is the work?").fill("Keep residents company in the afternoon garden.");
  await page.getByRole("checkbox", { name: "Nursing student" }).check();
  await page.getByRole("button", { name: "Post the vacancy" }).click();
  await expect(page.getByTestId("own-vacancies")).toContainText(title);

  await signInAs(page, "leuven", "volunteer4@leuven.example"); // a nursing student in the demo data
  await page.goto(town("leuven", "/volunteer"));
  const vacancy = page.getByTestId("vacancies").getByRole("listitem").filter({ hasText: title });
  await vacancy.getByRole("button", { name: "Apply" }).click();
  await expect(vacancy).toContainText("You applied.");

  await signInAs(page, "leuven", "carehome@leuven.example");
  await page.goto(town("leuven", "/organisation"));
  await expect(page.getByTestId("own-vacancies").getByRole("listitem").filter({ hasText: title })).toContainText("1 applicant");
  await expect(page.getByTestId("applicants").locator("tbody tr").filter({ hasText: title })).toContainText("Volunteer 4");
});

test("coordinators see the dashboard; volunteers of another town see nothing of Leuven", async ({ page }) => {
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/dashboard"));
  const [{ open }] = await sql<{ open: string }>(
    `SELECT count(*) AS open FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' AND r.status = 'OPEN'`,
  );
  await expect(page.getByTestId("status-OPEN")).toHaveText(open);
  await expectAccessible(page);

  await page.goto(town("leuven", "/staff/volunteers?q=Volunteer 12"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Block Volunteer 12" }).click();
  await expect(page.getByRole("button", { name: "Unblock Volunteer 12" })).toBeVisible();
  const [{ status }] = await sql<{ status: string }>(
    `SELECT v.status FROM "VolunteerProfile" v JOIN "Tenant" t ON t.id = v."tenantId" WHERE t.slug = 'leuven' AND v.name = 'Volunteer 12'`,
  );
  expect(status).toBe("BLOCKED");
  await page.getByRole("button", { name: "Unblock Volunteer 12" }).click();
  await expect(page.getByRole("button", { name: "Block Volunteer 12" })).toBeVisible();

  await signInAs(page, "gent", "volunteer1@gent.example");
  await page.goto(town("gent", "/volunteer"));
  await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Weekly groceries for an older lady");
  expect((await page.goto(town("gent", "/organisation")))?.status()).toBe(404);
});

test("a registration's redirect is answered without the server fetching the page from itself", async ({ browser, request }) => {
  const email = `vol-redirect-${Date.now()}@example.be`;
  const name = `Jef ${Date.now().toString(36)}`;
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signInAs(page, "leuven", email);
  await page.goto(town("leuven", "/volunteer"));
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Phone number").fill("0470 99 88 66");
  await page.getByLabel("Postcode").fill("3000");
  await page.getByRole("checkbox", { name: "Groceries" }).check();
  await page.getByRole("checkbox", { name: "Dutch" }).check();
  await page.getByRole("checkbox", { name: "Tue Morning" }).check();
  await page.getByLabel("I accept the code of conduct.").check();
  await page.waitForLoadState("networkidle");

  // Every request the server answers is counted in its metrics; the browser's own are counted here.
  const answered = async () => {
    const text = await (await request.get(apex("/api/metrics"), { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })).text();
    return [...text.matchAll(/^helpt_http_request_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };
  const before = await answered();
  let sent = 0;
  context.on("request", (r) => void (new URL(r.url()).port === String(E2E_PORT) && sent++));
  const action = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Register as a volunteer" }).click();
  expect((await action).headers()["x-action-redirect"]).toMatch(/^\/volunteer\?saved=1/);
  await expect(page.getByRole("heading", { name: `Hello ${name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/volunteer\?saved=1/);
  await page.waitForLoadState("networkidle");
  // The server answered what the browser sent (and the first metrics read), nothing of its own.
  expect((await answered()) - before - 1).toBeLessThanOrEqual(sent);
  expect(sent).toBeGreaterThan(0);
  await context.close();
});
