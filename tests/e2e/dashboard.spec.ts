import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pdfText } from "../integration/helpers/pdf-text";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

// The dashboard a council reads: a period kept in the URL, trend charts that
// each have the same figures as a table, a map of neighbourhoods that works
// without any tile server, and the one-page PDF of it all.

test.use({ locale: "en-GB" });
// Signing in and the first render of a page of charts take a while on a loaded machine.
test.describe.configure({ timeout: 300_000 });

const COUNT_SINCE = `
  SELECT count(*)::int AS n FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId"
   WHERE t.slug = 'leuven' AND r."createdAt" >= ((date_trunc('day', now() AT TIME ZONE t."timeZone") - make_interval(days => $1)) AT TIME ZONE t."timeZone") AT TIME ZONE 'UTC'`;

test.beforeAll(async () => {
  // Two of Leuven's neighbourhoods with a place, and an open request in one of them today.
  await sql(`INSERT INTO "Area" ("tenantId", id, name, postcode, latitude, longitude)
             SELECT t.id, t.id || '-' || a.postcode, a.name, a.postcode, a.lat, a.lon FROM "Tenant" t,
                    (VALUES ('Centrum', '3000', 50.8798, 4.7005), ('Heverlee', '3001', 50.8640, 4.6960)) AS a(name, postcode, lat, lon)
              WHERE t.slug = 'leuven' ON CONFLICT DO NOTHING`);
  const reference = `E2E-D${Date.now().toString(36).toUpperCase().slice(-5)}`;
  await sql(`INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, source, description, "publicSummary", neighbourhood, postcode, "timeWindow", "residentName", "updatedAt")
             SELECT t.id, $1, $1, c.id, 'OPEN', 'PHONE', 'Shopping', 'Shopping for a neighbour', 'Heverlee', '3001', 'Friday', 'Jan Peeters', now()
               FROM "Tenant" t JOIN "Category" c ON c."tenantId" = t.id AND c.key = 'groceries' WHERE t.slug = 'leuven'`, [reference]);
});

test("the period is chosen in the URL and every chart has its figures as a table", async ({ page }) => {
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/dashboard"));
  await expect(page.getByTestId("period-form").getByLabel("Period")).toHaveValue("30d");
  const thirtyDays = await page.getByTestId("period-shown").textContent();
  await expectAccessible(page);

  await page.getByTestId("period-form").getByLabel("Period").selectOption("7d");
  const [before] = await sql<{ n: number }>(COUNT_SINCE, [6]);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=7d/);
  const [after] = await sql<{ n: number }>(COUNT_SINCE, [6]);
  const shown = Number(await page.getByTestId("total-requests").textContent());
  expect(shown).toBeGreaterThanOrEqual(before.n);
  expect(shown).toBeLessThanOrEqual(after.n);

  // Five charts, each an image with a name and a description, and a table of the same figures (seven days).
  const charts = page.locator("figure[data-testid^='chart-']");
  await expect(charts).toHaveCount(5);
  for (const chart of await charts.all()) {
    const svg = chart.locator("svg[role='img']");
    await expect(svg).toHaveAccessibleName(/\S/);
    await expect(svg).toHaveAccessibleDescription(/\S/);
    await chart.locator("summary").click();
    const table = chart.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(7);
  }
  // The phone request of today is in the last row of the "by source" table.
  const bySource = page.getByTestId("table-by-source");
  await expect(bySource.getByRole("columnheader", { name: "by phone" })).toBeVisible();
  expect(Number(await bySource.locator("tbody tr").last().locator("td").last().textContent())).toBeGreaterThanOrEqual(1);
  await expectAccessible(page);

  // Back and forth keep the period: it lives in the URL.
  const sevenDays = await page.getByTestId("period-shown").textContent();
  expect(sevenDays).not.toBe(thirtyDays);
  await page.goBack();
  await expect(page.getByTestId("period-shown")).toHaveText(thirtyDays!);
  await page.goForward();
  await expect(page.getByTestId("period-shown")).toHaveText(sevenDays!);

  // A year is shown per week; a nonsense period falls back to the default, never an error.
  await page.goto(town("leuven", "/staff/dashboard?period=12m"));
  await page.getByTestId("chart-backlog").locator("summary").click();
  await expect(page.getByTestId("table-backlog").locator("tbody tr")).toHaveCount(53);
  await expect(page.getByTestId("table-backlog").getByRole("columnheader").first()).toHaveText("Week from");
  const wrong = await page.goto(town("leuven", "/staff/dashboard?period=custom&from=2026-02-30&to=x"));
  expect(wrong?.status()).toBe(200);
  await expect(page.getByTestId("period-form").getByLabel("Period")).toHaveValue("30d");
});

test("the map shows neighbourhoods without a tile server, with the same figures as a table", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (r) => { if (!new URL(r.url()).hostname.endsWith("localhost")) outside.push(r.url()); });
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/dashboard"));
  const map = page.getByRole("region", { name: "Open requests and volunteers by neighbourhood" }).first();
  await expect(map.locator(".leaflet-container")).toBeVisible();
  // No tiles: circles and their labels on a plain background.
  await expect(map.locator("img.leaflet-tile")).toHaveCount(0);
  await expect(map.locator("path.leaflet-interactive").first()).toBeVisible();
  await expect(map.locator(".leaflet-tooltip").filter({ hasText: "Heverlee" })).toBeVisible();
  const [{ open }] = await sql<{ open: number }>(`SELECT count(*)::int AS open FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' AND r.status IN ('NEW', 'OPEN') AND r.postcode = '3001'`);
  const row = page.getByTestId("neighbourhood-table").getByRole("row", { name: /Heverlee/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText(String(open));
  expect(outside).toEqual([]);
  await expectAccessible(page);
});

test("the council's report downloads as a PDF with the town's name and the period", async ({ page }) => {
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/dashboard?period=90d"));
  const link = page.getByTestId("report-pdf");
  await expect(link).toHaveAttribute("href", "/staff/dashboard/report.pdf?period=90d");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^leuven-dashboard-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync((await file.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(pdf);
  expect(text).toContain("Leuven");
  expect(text).toContain("Period:");
  // Served as a PDF, not kept by caches.
  const headers = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get("content-type"), cache: r.headers.get("cache-control") };
  }, "/staff/dashboard/report.pdf?period=custom&from=2026-01-01&to=2026-03-31");
  expect(headers).toEqual({ status: 200, type: "application/pdf", cache: "private, no-store" });
});
