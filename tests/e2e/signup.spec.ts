import { expect, test } from "@playwright/test";
import { LEGAL_VERSIONS } from "../../lib/legal/documents";
import { apex, expectAccessible, latestMagicLink, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

test.beforeAll(async () => {
  await sql(`DELETE FROM "RateLimiterFlexible"`);
});

test("a new town completes the wizard without Stripe keys and its site answers on its subdomain", async ({ page }) => {
  test.setTimeout(240_000);
  const id = Date.now().toString(36);
  const slug = `e2e-${id}`;
  const admin = `admin-${id}@example.be`;
  const next = () => page.getByRole("button", { name: "Next" }).click();

  await page.goto(apex("/"));
  await page.getByRole("link", { name: "Start your town's platform" }).first().click(); // the hero's; the closing call repeats it
  await expect(page.getByTestId("step-title")).toHaveText("Step 1 of 7: Municipality");
  await expectAccessible(page);
  await page.getByLabel("Name of the municipality").fill(`Testdorp ${id}`);
  await page.getByLabel("Number of residents").fill("12000");
  await page.getByLabel("Contact person", { exact: true }).fill("Ann Peeters");
  await page.getByLabel("Contact person's e-mail").fill(admin);
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 2 of 7: Web address");
  await expect(page.locator("#slug")).toHaveValue(`testdorp-${id}`); // suggested from the name
  await page.locator("#slug").fill("leuven");
  await expect(page.getByTestId("slug-status")).toContainText("already taken");
  await page.locator("#slug").fill(slug);
  await expect(page.getByTestId("slug-status")).toHaveText("This address is available.");
  await expectAccessible(page);
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 3 of 7: Branding");
  await page.locator("#primaryColor").fill("#ffd700");
  await expect(page.locator("#contrast")).toContainText("Choose a darker colour");
  await page.locator("#primaryColor").fill("#0f5c52");
  await expect(page.locator("#contrast")).toContainText("Good.");
  await page.getByLabel("Central phone number for residents").fill("016 11 22 33");
  await page.getByRole("checkbox", { name: "Français" }).uncheck();
  await page.getByRole("checkbox", { name: "Deutsch" }).check();
  await expectAccessible(page);
  // Back and forward keep what was typed.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("#slug")).toHaveValue(slug);
  await next();
  await expect(page.getByLabel("Central phone number for residents")).toHaveValue("016 11 22 33");
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 4 of 7: Help categories");
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Use Hond uitlaten" }).uncheck();
  await page.getByLabel("Row 9, name in Nederlands").fill("Soep aan huis");
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 5 of 7: Neighbourhoods");
  await page.getByLabel(/Neighbourhoods or postcodes/).fill("3000; Centrum; 50.8798; north");
  await next();
  await expect(page.getByText("Line 1 is not in the form")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Neighbourhoods or postcodes/).fill("3000; Centrum\n3001; Heverlee");
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 6 of 7: Administrator");
  await expect(page.getByLabel("E-mail of the first administrator")).toHaveValue(admin);
  await expectAccessible(page);
  await next();

  await expect(page.getByTestId("step-title")).toHaveText("Step 7 of 7: Plan");
  await expect(page.getByTestId("billing-off")).toBeVisible();
  await expect(page.getByTestId("summary")).toContainText(`${slug}.localhost`);
  await expectAccessible(page);
  // Without accepting the platform documents the town is not created; the error is translated.
  await page.getByRole("button", { name: "Create the platform" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "need your attention" })).toBeVisible();
  await expect(page.getByText("Please accept the platform terms and the data processing agreement to create the platform.")).toBeVisible();
  await expect(page.getByTestId("step-title")).toHaveText("Step 7 of 7: Plan");
  expect(await sql(`SELECT 1 FROM "Tenant" WHERE slug = $1`, [slug])).toHaveLength(0);
  await expectAccessible(page);
  const [terms] = await Promise.all([page.waitForEvent("popup"), page.getByRole("main").getByRole("link", { name: "platform terms" }).click()]);
  await expect(terms.getByRole("heading", { level: 1 })).toHaveText("Platform terms");
  await terms.close();
  await page.getByRole("checkbox", { name: /On behalf of the municipality, I accept/ }).check();
  await page.getByRole("button", { name: "Create the platform" }).click();

  await expect(page.getByTestId("signup-done")).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("town-link").click();
  await expect(page.getByRole("banner")).toContainText(`Testdorp ${id} Helpt`);
  await expect(page.getByRole("banner")).toHaveCSS("background-color", "rgb(15, 92, 82)");
  await expect(page.getByTestId("categories")).toContainText("Soep aan huis");
  await expect(page.getByTestId("categories")).not.toContainText(/Hond uitlaten|Dog walking/);
  await expect(page.getByRole("button", { name: "Français" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Deutsch" })).toBeVisible();
  // The acceptance is recorded: both documents, their versions, the contact person and the time.
  const accepted = await sql<{ document: string; version: string; acceptedByName: string; acceptedByEmail: string; acceptedAt: Date }>(
    `SELECT a.document::text, a.version, a."acceptedByName", a."acceptedByEmail", a."acceptedAt"
       FROM "TermsAcceptance" a JOIN "Tenant" t ON t.id = a."tenantId" WHERE t.slug = $1 ORDER BY a.document`, [slug]);
  expect(accepted.map(({ acceptedAt: _, ...rest }) => rest)).toEqual([
    { document: "TERMS", version: LEGAL_VERSIONS.TERMS, acceptedByName: "Ann Peeters", acceptedByEmail: admin },
    { document: "DPA", version: LEGAL_VERSIONS.DPA, acceptedByName: "Ann Peeters", acceptedByEmail: admin },
  ]);
  expect(Date.now() - accepted[0].acceptedAt.getTime()).toBeLessThan(120_000);

  // The welcome mail's link signs the administrator in and opens the settings with the checklist.
  await expect(async () => {
    await page.goto(apex(`/dev/mailbox?to=${encodeURIComponent(admin)}`));
    await expect(page.getByTestId("mail").first()).toContainText(`Testdorp ${id} Helpt`, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const link = (await page.getByTestId("mail-text").first().innerText()).match(/http\S+callback\S+/)![0];
  await page.goto(link);
  await expect(page.getByTestId("checklist")).toBeVisible();
  expect(new URL(page.url()).hostname).toBe(`${slug}.localhost`);
  await expectAccessible(page);
  await expect(page.getByTestId("team")).toContainText(admin);
});

test("the wizard resumes where it was left", async ({ page, context }) => {
  await page.goto(apex("/start"));
  await page.getByLabel("Name of the municipality").fill("Halverwege");
  await page.getByLabel("Number of residents").fill("3000");
  await page.getByLabel("Contact person", { exact: true }).fill("Bart");
  await page.getByLabel("Contact person's e-mail").fill("bart@example.be");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("step-title")).toHaveText("Step 2 of 7: Web address");
  const other = await context.newPage();
  await other.goto(apex("/start"));
  await expect(other.getByTestId("step-title")).toHaveText("Step 2 of 7: Web address");
  await other.goto(apex("/start?step=1"));
  await expect(other.getByLabel("Name of the municipality")).toHaveValue("Halverwege");
  expect(town("x")).toContain("x.localhost");
});
