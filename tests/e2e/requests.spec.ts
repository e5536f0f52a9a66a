import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { apex, expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

test.beforeAll(async () => {
  await sql(`DELETE FROM "RateLimiterFlexible"`); // a fresh hour of submissions for this run
});

/** Tabs forward until the focused element is `name` (keyboard only, bounded). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)) === name) return;
  }
  throw new Error(`could not reach field ${name} with Tab`);
}

test.describe("a resident asks for help", () => {
  test("with the keyboard only, keeping what was typed after an error", async ({ page }) => {
    await page.goto(town("leuven", "/request"));
    await expectAccessible(page);

    await tabTo(page, "categoryId");
    await page.keyboard.press("Space");
    await tabTo(page, "description");
    await page.keyboard.type("Groceries for this week: milk, bread and fruit.");
    await tabTo(page, "timeWindow");
    await page.keyboard.type("Tuesday morning");
    await tabTo(page, "postcode");
    await page.keyboard.type("3000");
    await tabTo(page, "neighbourhood");
    await page.keyboard.type("Centrum");
    await tabTo(page, "name");
    await page.keyboard.type("Jeanne Claes");
    await tabTo(page, "phone");
    await page.keyboard.type("0470 12 34");
    await tabTo(page, "address");
    await page.keyboard.type("Bondgenotenlaan 200");
    await tabTo(page, "contactless");
    await page.keyboard.press("Space");
    // Submit without consent and with a short phone number.
    await page.keyboard.press("Enter");

    await expect(page.getByRole("alert").filter({ hasText: "need your attention" })).toBeVisible();
    await expect(page.getByText("This is not a valid phone number")).toBeVisible();
    await expect(page.getByText("We need your agreement")).toBeVisible();
    await expect(page.locator("#description")).toHaveValue("Groceries for this week: milk, bread and fruit.");
    await expect(page.locator("#name")).toHaveValue("Jeanne Claes");
    await expect(page.locator("#contactless")).toBeChecked();
    await expectAccessible(page);

    await page.locator("#phone").focus();
    await page.keyboard.press("End");
    await page.keyboard.type(" 56");
    await tabTo(page, "consent");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "Thank you, we received your request" })).toBeVisible();
    const reference = (await page.getByTestId("reference").innerText()).replace("Your reference: ", "");
    await expectAccessible(page);

    const [row] = await sql<{ residentPhone: string; contactless: boolean; status: string }>(
      `SELECT r."residentPhone", r.contactless, r.status FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId"
        WHERE t.slug = 'leuven' AND r.reference = $1`,
      [reference],
    );
    expect(row).toEqual({ residentPhone: "+32470123456", contactless: true, status: "NEW" });
  });

  test("shows the town's phone number on every public page", async ({ page }) => {
    for (const path of ["/", "/request", "/requests", "/sign-in"]) {
      await page.goto(town("leuven", path));
      await expect(page.getByRole("contentinfo")).toContainText("016 27 22 22");
    }
  });
});

test.describe("staff and coordinators", () => {
  test("staff register a phone request; a coordinator publishes and closes it", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: "en-GB" });
    const staff = await context.newPage();
    await signInAs(staff, "leuven", "staff@leuven.example");
    await staff.goto(town("leuven", "/staff/intake"));
    await expectAccessible(staff);
    await staff.locator("#categoryId").selectOption({ label: "Pharmacy" });
    await staff.keyboard.press("Tab");
    await staff.keyboard.type("Collect a prescription at the pharmacy on the Markt.");
    await staff.locator("#timeWindow").fill("Thursday afternoon");
    await staff.locator("#postcode").fill("3010");
    await staff.locator("#neighbourhood").fill("Kessel-Lo");
    await staff.locator("#name").fill("Frans Wouters");
    await staff.locator("#phone").fill("016 11 22 33");
    await staff.locator("#urgency").selectOption("HIGH");
    await staff.locator("#ageGroup").selectOption("OVER_80");
    await staff.locator("#consentByPhone").check();
    await staff.locator("#consentNote").press("Control+Enter");
    const created = staff.getByTestId("intake-created");
    await expect(created).toContainText("saved");
    const reference = (await created.innerText()).match(/[2-9A-Z]{4}-[2-9A-Z]{4}/)![0];
    await expect(staff.locator("#name")).toHaveValue(""); // a fresh form for the next caller

    // Staff may look, but only coordinators change status.
    await staff.goto(town("leuven", "/staff/requests"));
    await staff.getByRole("link", { name: reference }).click();
    await expect(staff.getByTestId("personal")).toContainText("Frans Wouters");
    await expect(staff.getByRole("button", { name: /Mark as/ })).toHaveCount(0);
    const page = await context.newPage();
    await signInAs(page, "leuven", "coordinator@leuven.example");
    await page.goto(town("leuven", "/staff/requests?urgency=HIGH"));
    await expectAccessible(page);
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByTestId("personal")).toContainText("016 11 22 33");
    await expect(page.getByTestId("personal")).toContainText("Given by phone");
    await expectAccessible(page);

    await page.getByLabel("What volunteers see").fill("Collecting a prescription for an older resident in Kessel-Lo");
    await page.getByRole("button", { name: "Publish for volunteers" }).click();
    await expect(page.getByTestId("status")).toHaveText("Open");

    await page.getByLabel("New note").fill("Called back, the pharmacy is open until 18:00.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("notes")).toContainText("pharmacy is open until 18:00");

    // The public list shows the summary, never the person.
    const visitorContext = await browser.newContext({ locale: "en-GB" });
    const visitor = await visitorContext.newPage();
    await visitor.goto(town("leuven", "/requests"));
    await expect(visitor.getByTestId("public-requests")).toContainText("Collecting a prescription for an older resident in Kessel-Lo");
    const publicText = await visitor.locator("body").innerText();
    for (const secret of ["Frans", "Wouters", "016 11 22 33", "Markt"]) expect(publicText).not.toContain(secret);
    await expectAccessible(visitor);
    await visitorContext.close();

    await page.getByRole("button", { name: "Mark as Matched" }).click();
    await expect(page.getByTestId("status")).toHaveText("Matched");
    await page.getByRole("button", { name: "Mark as Done" }).click();
    await expect(page.getByTestId("status")).toHaveText("Done");

    // The town admin sees who looked at the resident's data.
    await signInAs(page, "leuven", "admin@leuven.example");
    await page.goto(town("leuven", "/staff/audit?q=request.view"));
    await expect(page.getByTestId("audit")).toContainText("coordinator@leuven.example");
    await expect(page.getByTestId("audit")).toContainText("staff@leuven.example");
    await expectAccessible(page);
    await context.close();
  });

  test("another town's staff, volunteers and visitors get a 404 or the sign-in page", async ({ page }) => {
    const [request] = await sql<{ id: string }>(
      `SELECT r.id FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' LIMIT 1`,
    );
    await page.goto(town("leuven", `/staff/requests/${request.id}`));
    await expect(page).toHaveURL(/\/sign-in$/);

    await signInAs(page, "gent", "admin@gent.example");
    for (const path of [`/staff/requests/${request.id}`]) {
      const response = await page.goto(town("gent", path));
      expect(response?.status()).toBe(404);
      await expect(page.locator("body")).not.toContainText("Maria");
    }

    await signInAs(page, "leuven", "volunteer1@leuven.example");
    for (const path of ["/staff/requests", `/staff/requests/${request.id}`, "/staff/intake", "/staff/audit", "/staff/outreach"]) {
      const response = await page.goto(town("leuven", path));
      expect(response?.status(), path).toBe(404);
    }
    // The PDF route answers the same, asked from the signed-in page itself.
    expect(await page.evaluate(() => fetch("/staff/outreach/letter").then((r) => r.status))).toBe(404);
  });

  test("the town admin downloads the printable letter and poster", async ({ page }) => {
    await signInAs(page, "leuven", "admin@leuven.example");
    await page.goto(town("leuven", "/staff/outreach"));
    await expectAccessible(page);
    for (const doc of ["letter", "poster"]) {
      const section = page.getByRole("region", { name: doc === "letter" ? "Letter for residents aged 80+" : "Poster" });
      const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: /Français/ }).click()]);
      expect(download.suggestedFilename()).toBe(`leuven-helpt-${doc}-fr.pdf`);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    await page.goto(apex());
    expect(await page.evaluate(() => fetch("/staff/outreach/letter").then((r) => r.status))).toBe(404);
  });
});

test.describe("the public list of open requests", () => {
  const TOWN = "pagestad";
  const OPEN = 30; // one full page of 24 and a second of 6

  test.beforeAll(async () => {
    await sql(`DELETE FROM "Tenant" WHERE id = 'e2e-pages'`);
    await sql(`INSERT INTO "Tenant" (id, slug, name, phone, "updatedAt") VALUES ('e2e-pages', $1, 'Pagestad', '011 22 33 44', now())`, [TOWN]);
    await sql(`INSERT INTO "Category" ("tenantId", id, key, labels, position) VALUES ('e2e-pages', 'e2e-pages-groceries', 'groceries', '{"nl":"Boodschappen","fr":"Courses","en":"Groceries"}', 1)`);
    // Three requests share each publication time: the pages must settle ties (on the id) without losing or repeating one.
    await sql(
      `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, postcode, "timeWindow", "publicSummary", "publishedAt", "updatedAt")
       SELECT 'e2e-pages', 'e2e-pages-' || lpad(n::text, 2, '0'), 'PAGE-' || lpad(n::text, 4, '0'), 'e2e-pages-groceries', 'OPEN', '3000', 'Any day',
              'Paged request ' || lpad(n::text, 2, '0'), timestamp '2026-11-01' + (n / 3) * interval '1 hour', now()
         FROM generate_series(1, $1) n`,
      [OPEN],
    );
  });

  const summaries = async (page: Page) => (await page.getByTestId("public-requests").locator("li p").allInnerTexts()).filter((t) => t.startsWith("Paged request"));

  test("pages to older requests by links that keep their place, with and without JavaScript", async ({ browser }) => {
    test.setTimeout(90_000); // two walks through the pages, each with reloads and the back button
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(town(TOWN, "/requests"));
      await expect(page.getByTestId("open-count")).toHaveText(`${OPEN} open requests`);
      const first = await summaries(page);
      expect(first).toHaveLength(24);
      const pages = page.getByRole("navigation", { name: "More open requests" });
      if (javaScriptEnabled) await expectAccessible(page);

      await pages.getByRole("link", { name: "Older requests" }).click();
      await expect(page).toHaveURL(/\/requests\?before=/);
      const second = await summaries(page);
      expect(second).toHaveLength(OPEN - 24);
      // Every request once, newest first.
      const all = [...first, ...second];
      expect(new Set(all).size).toBe(OPEN);
      expect(all).toEqual(Array.from({ length: OPEN }, (_, i) => `Paged request ${String(OPEN - i).padStart(2, "0")}`));
      await expect(pages.getByRole("link", { name: "Older requests" })).toHaveCount(0);
      if (javaScriptEnabled) await expectAccessible(page);

      // The address is the state: reloading and the back button give the same pages.
      const url = page.url();
      await page.reload();
      expect(await summaries(page)).toEqual(second);
      await page.goBack();
      await expect(page).toHaveURL(town(TOWN, "/requests"));
      expect(await summaries(page)).toEqual(first);
      await page.goto(url);
      await pages.getByRole("link", { name: "Newest requests" }).click();
      expect(await summaries(page)).toEqual(first);
      await context.close();
    }
  });

  test("reads a cursor it cannot use as the first page", async ({ page }) => {
    for (const before of ["x", "99999999999999999_a", "1_%00", "-1_a", "1_" + "a".repeat(100)]) {
      const reply = await page.goto(town(TOWN, `/requests?before=${encodeURIComponent(before)}`));
      expect(reply?.status(), before).toBe(200);
      expect(await summaries(page)).toHaveLength(24);
    }
  });
});
