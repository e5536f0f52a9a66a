import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs, sql, town } from "./helpers/site";

test.use({ locale: "en-GB" });

const REQUEST_COLUMNS = ["Reference", "Status", "Source", "Category", "Neighbourhood", "Postcode", "When", "Urgency", "Age group", "Recurrence", "Received", "Published", "Closed"];
const CONTACT_COLUMNS = ["Resident", "Phone", "E-mail", "Address", "Contact by"];

/** Clicks a download link and reads what arrived. */
async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-links").getByRole("link", { name }).click()]);
  return readFileSync((await file.path())!);
}

const csvRows = (bytes: Buffer, delimiter: string): string[][] => {
  const text = bytes.toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text.slice(1), { delimiter });
};

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push(Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? ""))));
  return rows;
}

test("a coordinator's export opens with the queue's columns and the residents' contact details, in CSV and XLSX", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "leuven", "coordinator@leuven.example");
  await page.goto(town("leuven", "/staff/requests?status=OPEN"));
  const visible = await page.getByTestId("queue").locator("tbody a").allInnerTexts();
  const csv = csvRows(await download(page, "CSV"), ",");
  expect(csv[0]).toEqual([...REQUEST_COLUMNS, ...CONTACT_COLUMNS]);
  // The page's filter went along: the same requests, all open.
  expect(csv.slice(1).map((r) => r[0]).sort()).toEqual([...visible].sort());
  expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(new Set(["Open"]));
  const xlsx = await xlsxRows(await download(page, "Excel (XLSX)"));
  expect(xlsx[0]).toEqual([...REQUEST_COLUMNS, ...CONTACT_COLUMNS]);
  expect(xlsx.length).toBe(csv.length);
  const [{ count }] = await sql<{ count: string }>(
    `SELECT count(*) FROM "AuditLog" a JOIN "User" u ON u.id = a."actorId" WHERE u.email = 'coordinator@leuven.example' AND a.action = 'request.export' AND a."createdAt" > now() - interval '5 minutes'`,
  );
  expect(Number(count)).toBeGreaterThanOrEqual(2);

  // In Dutch, spreadsheet programs split on semicolons.
  await page.context().addCookies([{ name: "helpt-locale", value: "nl", domain: "leuven.localhost", path: "/" }]);
  await page.goto(town("leuven", "/staff/volunteers"));
  const volunteers = csvRows(await download(page, "CSV"), ";");
  expect(volunteers[0]).toEqual(["Naam", "Postcode", "Status", "Vaardigheden", "Talen", "Aanbiedingen (30 dagen)", "Toewijzingen (30 dagen)", "Ingeschreven", "E-mail", "Telefoon"]);
  expect(volunteers.length).toBeGreaterThan(1);
});

test("staff get the queue's columns without the residents' contact details", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "leuven", "staff@leuven.example");
  await page.goto(town("leuven", "/staff/requests"));
  await expect(page.getByTestId("bulk-requests")).toHaveCount(0); // bulk actions are for coordinators
  expect(csvRows(await download(page, "CSV"), ",")[0]).toEqual(REQUEST_COLUMNS);
  // A format there is not: a 400 in words (the browser resolves the town's host; Node would not).
  const reply = (await page.goto(town("leuven", "/staff/requests/export?format=pdf")))!;
  expect(reply.status()).toBe(400);
  expect(await reply.text()).toBe("Please choose one of the options.");
});

test("the phone desk's list for today prints without the site around it, and is accessible", async ({ page }) => {
  test.setTimeout(120_000);
  const [{ id: tenantId }] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'leuven'`);
  const [{ id: categoryId }] = await sql<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 1`, [tenantId]);
  await sql(`DELETE FROM "HelpRequest" WHERE id = 'e2e-today-urgent'`);
  await sql(
    `INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, urgency, description, neighbourhood, postcode, "publishedAt", "updatedAt")
     VALUES ($1, 'e2e-today-urgent', 'TDAY-URG1', $2, 'OPEN', 'HIGH', 'Urgent groceries', 'Centrum', '3000', now(), now())`,
    [tenantId, categoryId],
  );
  await signInAs(page, "leuven", "staff@leuven.example");
  await page.goto(town("leuven", "/staff/requests"));
  await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Today, / })).toBeVisible();
  await expect(page.getByTestId("today-urgent")).toContainText("TDAY-URG1");
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Staff" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print this list" })).toBeHidden();
  await expect(page.getByTestId("today-urgent")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calls due today" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await sql(`DELETE FROM "HelpRequest" WHERE id = 'e2e-today-urgent'`);
});
