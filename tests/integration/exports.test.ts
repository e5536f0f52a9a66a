import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, defuseFormula } from "@/lib/csv/write";
import { exportStream, xlsxCell, type ExportFormat } from "@/lib/export/table";
import { createRequest } from "@/lib/requests/mutations";
import { exportRequests, type RequestWords } from "@/lib/requests/export";
import { listQueue } from "@/lib/requests/queries";
import { queueListSchema } from "@/lib/requests/schemas";
import { exportVolunteers } from "@/lib/volunteers/export";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

async function town() {
  const t = await createTown();
  const staff = await createUser("staff");
  return { ...t, staff, ctx: { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, timeZone: t.tenant.timeZone } };
}

const words: RequestWords = { enumValue: (group, value) => `${group}:${value}`, when: (w) => w.kind };
const volunteerWords = { status: (s: string) => `status:${s}`, skill: (s: string) => s };

/** What a reader's program sees: the rows of a downloaded file. */
async function read(format: ExportFormat, body: ReadableStream<Uint8Array>, separator = ";"): Promise<string[][]> {
  const bytes = Buffer.from(await new Response(body).arrayBuffer());
  if (format === "csv") {
    const text = bytes.toString("utf8");
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return parse(text.slice(1), { delimiter: separator, relax_column_count: true });
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: row.cellCount }, (_, i) => String(row.getCell(i + 1).value ?? "")));
  });
  return rows;
}

/** The file as its bytes say (Response.text() would drop the byte-order mark). */
const bytesText = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer()).toString("utf8");

async function* once(rows: (string | null)[][]) {
  yield rows;
}

describe("request exports", () => {
  it("give staff the queue's columns and coordinators the residents' contact details too, from their own town only, audited once each", async () => {
    const [a, b] = await Promise.all([town(), town()]);
    await createRequest(a.ctx, requestInput(a.categories[0].id, { name: "=HYPERLINK(\"http://evil\")", email: "maria@example.be" }), { source: "ONLINE", locale: "nl" });
    await createRequest(a.ctx, requestInput(a.categories[1].id), { source: "ONLINE", locale: "nl" });
    await createRequest(b.ctx, requestInput(b.categories[0].id, { name: "Bert Elsewhere" }), { source: "ONLINE", locale: "nl" });
    const references = async (t: Awaited<ReturnType<typeof town>>) =>
      (await systemDb.helpRequest.findMany({ where: { tenantId: t.tenant.id }, select: { reference: true } })).map((r) => r.reference).sort();

    const asStaff = await exportRequests(a.ctx, { userId: a.staff.id, roles: ["STAFF"] }, {}, "csv", "nl", words);
    expect(asStaff.columns).not.toContain("residentName");
    expect(asStaff.columns).toContain("reference");
    const staffRows = await read("csv", exportStream("csv", { sheet: "x", headers: asStaff.columns, rows: asStaff.rows }, "nl"), ";");
    expect(staffRows[0]).toEqual(asStaff.columns);
    expect(staffRows.slice(1).map((r) => r[0]).sort()).toEqual(await references(a));
    expect(JSON.stringify(staffRows)).not.toContain("HYPERLINK");

    for (const format of ["csv", "xlsx"] as const) {
      const asCoordinator = await exportRequests(a.ctx, { userId: a.staff.id, roles: ["COORDINATOR"] }, {}, format, "en", words);
      expect(asCoordinator.columns).toEqual(expect.arrayContaining(["residentName", "residentPhone", "residentEmail", "residentAddress"]));
      const rows = await read(format, exportStream(format, { sheet: "Requests", headers: asCoordinator.columns, rows: asCoordinator.rows }, "en"), ",");
      const name = asCoordinator.columns.indexOf("residentName");
      expect(rows.slice(1).map((r) => r[name]).sort()).toEqual(["'=HYPERLINK(\"http://evil\")", "Maria Peeters"]);
      expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(await references(a));
      expect(rows[1][asCoordinator.columns.indexOf("status")]).toBe("status:NEW");
    }
    const filtered = await exportRequests(a.ctx, { userId: a.staff.id, roles: ["ADMIN"] }, { categoryId: a.categories[1].id }, "csv", "nl", words);
    expect((await read("csv", exportStream("csv", { sheet: "x", headers: filtered.columns, rows: filtered.rows }, "nl"))).length).toBe(2);

    const audit = await systemDb.auditLog.findMany({ where: { tenantId: a.tenant.id, action: "request.export" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ actorId: a.staff.id, details: { format: "csv", rows: 2, filters: [] } });
    expect(audit[3]).toMatchObject({ details: { rows: 1, filters: ["categoryId"] } });
    expect(await systemDb.auditLog.count({ where: { tenantId: b.tenant.id, action: "request.export" } })).toBe(0);
  });
});

describe("request export and the queue", () => {
  it("holds exactly what the queue shows for the same filters and search text (generated)", async () => {
    const a = await town();
    const SUMMARIES = ["Boodschappen 50% korting", "Wandeling in het park", "Apotheek_ophalen", "Boodschappen \\ apotheek"];
    for (const [i, summary] of SUMMARIES.entries()) {
      for (const status of ["NEW", "DONE"] as const) {
        await systemDb.helpRequest.create({ data: {
          tenantId: a.tenant.id, id: `x${i}${status}${a.tenant.id}`, reference: `E${i}${status.slice(0, 1)}${a.tenant.id.slice(-6).toUpperCase()}`,
          categoryId: a.categories[i % 2].id, status, neighbourhood: i % 2 ? "Centrum" : "Heverlee", postcode: "3000", publicSummary: summary,
        } });
      }
    }
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(undefined, "boodschappen", "50%", "_", "\\", "apotheek", "park", "zzz"),
      fc.constantFrom(undefined, "DONE" as const), fc.constantFrom(undefined, "centrum"), fc.constantFrom(undefined, 0, 1),
      async (q, status, neighbourhood, category) => {
        const selection = { q, status, neighbourhood, categoryId: category === undefined ? undefined : a.categories[category].id };
        const queue = await listQueue(a.ctx, selection, "nl", queueListSchema.parse({ q }), 100);
        const exported = await exportRequests(a.ctx, { userId: a.staff.id, roles: ["STAFF"] }, selection, "csv", "nl", words);
        const rows = (await read("csv", exportStream("csv", { sheet: "x", headers: exported.columns, rows: exported.rows }, "nl"))).slice(1);
        expect(rows.map((r) => r[0]).sort()).toEqual(queue.rows.map((r) => r.reference).sort());
      },
    ), { numRuns: 25 });
  });
});

describe("volunteer exports", () => {
  it("show contact details to coordinators only, and only the town's volunteers", async () => {
    const [a, b] = await Promise.all([town(), town()]);
    const mine = await createVolunteer(a.tenant.id, [a.categories[0].id], { name: "Anna Annick" });
    await createVolunteer(b.tenant.id, [b.categories[0].id], { name: "Bert Elsewhere" });
    const staff = await exportVolunteers(a.ctx, { userId: a.staff.id, roles: ["STAFF"] }, {}, "csv", volunteerWords);
    expect(staff.columns).not.toContain("email");
    const rows = await read("csv", exportStream("csv", { sheet: "x", headers: staff.columns, rows: staff.rows }, "de"));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Anna Annick"]);
    const coordinator = await exportVolunteers(a.ctx, { userId: a.staff.id, roles: ["ADMIN"] }, { q: "ann" }, "xlsx", volunteerWords);
    const full = await read("xlsx", exportStream("xlsx", { sheet: "x", headers: coordinator.columns, rows: coordinator.rows }, "en"));
    expect(full[1][coordinator.columns.indexOf("email")]).toBe(mine.user.email);
    expect(full[1][coordinator.columns.indexOf("status")]).toBe("status:ACTIVE");
    const none = await exportVolunteers(a.ctx, { userId: a.staff.id, roles: ["ADMIN"] }, { q: "Bert" }, "csv", volunteerWords);
    expect(await read("csv", exportStream("csv", { sheet: "x", headers: none.columns, rows: none.rows }, "en"), ",")).toHaveLength(1);
    expect(await systemDb.auditLog.count({ where: { tenantId: a.tenant.id, action: "volunteer.export" } })).toBe(3);
  });
});

describe("export files", () => {
  it("use the reader's separator", async () => {
    for (const [locale, separator] of [["nl", ";"], ["fr", ";"], ["de", ";"], ["en", ","]] as const) {
      const text = await bytesText(exportStream("csv", { sheet: "x", headers: ["a", "b"], rows: once([["1", "2"]]) }, locale));
      expect(text).toBe(`${CSV_BOM}a${separator}b\r\n1${separator}2\r\n`);
    }
  });

  // Printable text with the characters that matter to CSV and formulas.
  const cellText = fc.string({ unit: fc.constantFrom(..."=+-@ab;,\"' \n\t12é"), maxLength: 12 });

  it("give back every generated cell as written, with formula-like text defused (CSV)", async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cellText, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.constantFrom("nl", "en"), async (rows, locale) => {
      const read = await bytesText(exportStream("csv", { sheet: "x", headers: ["h1", "h2"], rows: once(rows) }, locale));
      const parsed: string[][] = parse(read.slice(1), { delimiter: locale === "nl" ? ";" : ",", relax_quotes: false });
      expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(defuseFormula)));
      for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    }), { numRuns: 60, seed: 19 });
  });

  it("give back every generated cell as written, with formula-like text defused (XLSX), and open whatever the text holds", async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(cellText.filter((s) => s.trim() === s && !s.includes("\t")), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), async (rows) => {
      const parsed = await read("xlsx", exportStream("xlsx", { sheet: "x", headers: ["h1", "h2"], rows: once(rows) }, "en"));
      expect(parsed.slice(1).map((r) => [r[0] ?? "", r[1] ?? ""])).toEqual(rows.map((r) => r.map(xlsxCell)));
      for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    }), { numRuns: 30, seed: 19 });
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: "binary", maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (cells) => {
      const parsed = await read("xlsx", exportStream("xlsx", { sheet: "x", headers: ["h"], rows: once(cells.map((c) => [c])) }, "en"));
      expect(parsed).toHaveLength(cells.length + 1);
    }), { numRuns: 30, seed: 19 });
  });
});
