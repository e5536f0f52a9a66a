import { expect, test, type Page } from "@playwright/test";
import { blockingViolations, signInAs, sql, town } from "./helpers/site";

// A town's structure after sign-up: an admin adds a category, renames it per
// language, retires one that requests name (staff still see its label, the
// public form no longer offers it), adds neighbourhoods from the postcode list
// and by clicking on the map (Leaflet, drawn without tiles under the app's CSP).

const ADMIN = "admin@leuven.example";
const NEW = { nl: "E2E Soep brengen", fr: "E2E Apporter la soupe", en: "E2E Soup delivery", de: "E2E Suppe bringen" };
const RENAMED_EN = "E2E Soup round";
const MAP_AREA = "E2E Wijk op de kaart";

test.use({ locale: "en-GB" });

let retired: { id: string; label: string; requestId: string };

test.beforeAll(async () => {
  // A category that active requests of Leuven name, and one of those requests.
  [retired] = await sql<{ id: string; label: string; requestId: string }>(
    `SELECT c.id, c.labels->>'en' AS label, min(r.id) AS "requestId" FROM "Category" c
       JOIN "Tenant" t ON t.id = c."tenantId" AND t.slug = 'leuven'
       JOIN "HelpRequest" r ON r."tenantId" = c."tenantId" AND r."categoryId" = c.id AND r.status IN ('NEW', 'OPEN', 'MATCHED')
      WHERE c.active GROUP BY c.id, c.labels, c.position ORDER BY c.position LIMIT 1`,
  );
  expect(retired, "a Leuven category with active requests").toBeTruthy();
});

test.afterAll(async () => {
  // Leuven as the other specs expect it, also when this one stopped half-way.
  const leuven = `(SELECT id FROM "Tenant" WHERE slug = 'leuven')`;
  await sql(`UPDATE "Category" SET active = true WHERE id = $1`, [retired.id]);
  await sql(`DELETE FROM "Category" WHERE "tenantId" = ${leuven} AND key LIKE 'e2e-%'`);
  await sql(`DELETE FROM "Area" WHERE "tenantId" = ${leuven} AND (name = $1 OR postcode = '3020')`, [MAP_AREA]);
});

async function expectAccessible(page: Page) {
  expect(await blockingViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test("an admin edits categories while requests name the old ones", async ({ page }) => {
  test.setTimeout(420_000);
  await signInAs(page, "leuven", ADMIN);
  await page.goto(town("leuven", "/settings"));
  await page.getByRole("link", { name: "Edit help categories" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help categories" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: a language left out is refused in words, and what was typed stays.
  const add = page.getByTestId("add-category");
  await add.getByLabel("Name in Nederlands").fill(NEW.nl);
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("alert")).toBeVisible();
  await expect(add.getByText("Please fill this in.").first()).toBeVisible();
  await expect(add.getByLabel("Name in Nederlands")).toHaveValue(NEW.nl);

  await add.getByLabel("Name in Français").fill(NEW.fr);
  await add.getByLabel("Name in English").fill(NEW.en);
  await add.getByLabel("Name in Deutsch").fill(NEW.de);
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("status")).toHaveText("The category is added.");
  const item = page.getByTestId("category").filter({ has: page.getByRole("heading", { name: NEW.en }) });
  await expect(item).toHaveAttribute("data-key", "e2e-soep-brengen");

  // Renamed in one language; the others stay.
  await item.getByLabel("Name in English").fill(RENAMED_EN);
  await item.getByRole("button", { name: "Save name" }).click();
  const renamed = page.getByTestId("category").filter({ has: page.getByRole("heading", { name: RENAMED_EN }) });
  await expect(renamed).toBeVisible();
  await expect(renamed.getByLabel("Name in Français")).toHaveValue(NEW.fr);

  // Ordered with buttons: the new one (last) moves up one place.
  await renamed.getByRole("button", { name: `Move ${RENAMED_EN} up` }).click();
  const keys = page.getByTestId("category");
  await expect.poll(async () => (await keys.evaluateAll((els) => els.map((e) => e.getAttribute("data-key")))).slice(-2)[0]).toBe("e2e-soep-brengen");

  // Retired while requests name it.
  const old = page.getByTestId("category").filter({ has: page.getByRole("heading", { name: retired.label }) });
  await old.getByRole("button", { name: `Retire ${retired.label}` }).click();
  await expect(old.getByText("Retired", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Staff still see its label on the request and in the queue (and can still filter by it).
  await page.goto(town("leuven", `/staff/requests/${retired.requestId}`));
  await expect(page.getByText(retired.label).first()).toBeVisible();
  await page.goto(town("leuven", `/staff/requests?categoryId=${retired.id}`));
  await expect(page.getByTestId("queue").getByText(retired.label).first()).toBeVisible();
  await expect(page.locator(`select[name="categoryId"] option[value="${retired.id}"]`)).toHaveText(retired.label);

  // The public form no longer offers it, and offers the new one at once.
  await page.goto(town("leuven", "/request"));
  await expect(page.getByRole("radio", { name: RENAMED_EN })).toBeVisible();
  await expect(page.getByRole("radio", { name: retired.label, exact: true })).toHaveCount(0);

  // Brought back.
  await page.goto(town("leuven", "/settings/categories"));
  await page.getByRole("button", { name: `Bring ${retired.label} back` }).click();
  await expect(old.getByText("Offered", { exact: true })).toBeVisible();
  const audit = await sql<{ action: string }>(
    `SELECT action FROM "AuditLog" WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'leuven') AND "subjectType" = 'Category' AND "createdAt" > now() - interval '10 minutes'`,
  );
  expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["category.add", "category.rename", "category.move", "category.retire", "category.restore"]));
});

test("an admin adds neighbourhoods from the postcode list and on the map", async ({ page }) => {
  test.setTimeout(420_000);
  const cspErrors: string[] = [];
  page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text()); });
  await signInAs(page, "leuven", ADMIN);
  await page.goto(town("leuven", "/settings"));
  await page.getByRole("link", { name: "Edit neighbourhoods and postcodes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Neighbourhoods and postcodes" })).toBeVisible();

  // The postcode list, by place name: the keyboard's way to a point.
  await page.getByLabel("Postcode or place").fill("Winksele");
  await page.getByLabel("Postcode or place").press("Enter");
  await expect(page.getByTestId("postcode-results")).toBeVisible();
  await expect(page.getByTestId("postcode-source")).toContainText("GeoNames");
  await expect(page.getByTestId("postcode-source")).toContainText("CC BY 4.0");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add Winksele (3020)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Winksele is added." })).toBeVisible();
  await expect(page.getByTestId("area").filter({ hasText: "Winksele" })).toContainText("3020");
  await expect(page.getByTestId("area").filter({ hasText: "Winksele" })).toContainText("50.8986");

  // The map: Leaflet renders with its own stylesheet (the CSP lets it in) and the town's areas as dots, without tiles.
  const map = page.getByTestId("map-picker");
  await expect(map).toHaveAttribute("data-tiles", "off");
  await expect(map.locator(".leaflet-control-zoom-in")).toBeVisible();
  expect(await map.evaluate((el) => getComputedStyle(el).overflow)).toBe("hidden"); // from leaflet.css
  await expect(map.locator("path.leaflet-interactive")).not.toHaveCount(0);

  // Sent without a point: refused in words, the name kept.
  const form = page.getByTestId("area-map-form");
  await form.getByLabel("Name").fill(MAP_AREA);
  await form.getByLabel("Postcode").fill("3000");
  await form.getByRole("button", { name: "Add neighbourhood" }).click();
  await expect(form.getByText("Click on the map to choose the point first.").first()).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue(MAP_AREA);

  await map.click({ position: { x: 120, y: 90 } });
  await expect(page.getByTestId("map-point")).toContainText("Chosen point:");
  await form.getByRole("button", { name: "Add neighbourhood" }).click();
  await expect(page.getByTestId("area").filter({ hasText: MAP_AREA })).toBeVisible();
  await expectAccessible(page);
  expect(cspErrors).toEqual([]);
});
