import { expect, test } from "@playwright/test";
import { E2E_VAPID } from "../../playwright.config";
import { send } from "./helpers/http";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

// Axe on a loaded machine takes a while.
test.describe.configure({ timeout: 120_000 });

// Web push and the town's reach (issue 18, items 5 and 6): each town's site is
// installable under its own name and colour, a volunteer can turn notifications
// on, and admins see how far each crisis call went, in figures only.

test("each town has its own web app manifest, icon and service worker", async ({ page }) => {
  const [leuven, gent] = await Promise.all(["leuven", "gent"].map(async (slug) => {
    const reply = await send(town(slug, "/manifest.webmanifest"));
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("application/manifest+json");
    return JSON.parse(reply.body);
  }));
  expect(leuven).toMatchObject({ name: "Leuven Helpt", short_name: "Leuven", start_url: "/volunteer", scope: "/", display: "standalone" });
  expect(gent).toMatchObject({ name: "Gent Helpt", short_name: "Gent" });
  expect(leuven.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(leuven.theme_color).not.toBe(gent.theme_color);
  const icon = await send(town("leuven", leuven.icons[0].src));
  expect(icon.headers["content-type"]).toBe("image/svg+xml");
  expect(icon.body).toContain(">L</text>");
  const worker = await send(town("leuven", "/sw.js"));
  expect(worker.status).toBe(200);
  expect(worker.body).toContain("showNotification");

  await page.goto(town("gent", "/"));
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("a volunteer finds 'Notify me on this device' on their page, and the page stays accessible", async ({ page }) => {
  await signInAs(page, "leuven", "volunteer1@leuven.example");
  await page.goto(town("leuven", "/volunteer"));
  const control = page.getByTestId("push-control");
  await expect(control.getByRole("button", { name: "Notify me on this device" })).toBeVisible();
  await expect(control.getByRole("status")).toHaveText("This device gets no notifications.");
  // The service worker is registered for the whole site.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.scope ?? null)).toBe(town("leuven", "/"));
  await expectAccessible(page);
  expect(E2E_VAPID.publicKey).toHaveLength(87);
});

test("the reach page shows each crisis call per channel, in figures only, for admins and coordinators", async ({ page }) => {
  const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'leuven'`);
  const ref = "crisis-call:2026-11-30T09:15:00.000Z";
  await sql(`DELETE FROM "Notification" WHERE "tenantId" = $1 AND ref = $2`, [tenantId, ref]);
  await sql(
    `INSERT INTO "Notification" ("tenantId", id, channel, template, recipient, counted, outcome, "dueAt", ref, delivery)
     SELECT $1, 'e2e-reach-' || n, (CASE WHEN n <= 5 THEN 'EMAIL' ELSE 'PUSH' END)::"NotificationChannel", 'crisis-call', 'reach-person-' || n || '@example.be', false,
            (CASE WHEN n = 5 THEN 'CAPPED' ELSE 'QUEUED' END)::"NotificationOutcome", now(), $2,
            (CASE WHEN n IN (1, 2, 6) THEN 'SENT' WHEN n = 7 THEN 'FAILED' END)::"NotificationDelivery"
       FROM generate_series(1, 7) n`,
    [tenantId, ref],
  );
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/reach"));
  await expect(page.getByRole("heading", { level: 1, name: "Reach" })).toBeVisible();
  const table = page.getByRole("region", { name: /^Crisis call of .*: messages per channel$/ }).first().getByRole("table");
  await expect(table.getByRole("row", { name: /^E-mail/ })).toContainText(/E-mail\s*5\s*4\s*0\s*1\s*0\s*0\s*0\s*2\s*0\s*0/);
  await expect(table.getByRole("row", { name: /^Push notification/ })).toContainText(/Push notification\s*2\s*2\s*0\s*0\s*0\s*0\s*0\s*1\s*0\s*1/);
  await expect(page.locator("main")).not.toContainText("reach-person-");
  await expectAccessible(page);

  await signInAs(page, "leuven", "staff@leuven.example");
  expect((await page.goto(town("leuven", "/staff/reach")))?.status()).toBe(404);
});
