import { describe, expect, it } from "vitest";
import { exportAudit } from "@/lib/audit/export";
import { parseAuditFilter, type AuditFilter } from "@/lib/audit/filter";
import { auditActions, auditBatches, listAudit } from "@/lib/audit/log";
import { createRequest } from "@/lib/requests/mutations";
import { systemDb } from "@/lib/tenancy/system";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { createTown, requestInput, uniqueSlug } from "./helpers/factories";

/** The reader the route builds from the messages: their language, the headers in it. */
/** The download as a spreadsheet reads it; the byte-order mark checked in bytes (text decoding drops it). */
async function csvText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

const reader = (locale: "en" | "nl", messages: typeof en) => ({ locale, headers: { ...messages.audit.csv, at: messages.audit.csv.at.replace("{timeZone}", "Europe/Brussels") } });

const user = (name: string) => systemDb.user.create({ data: { email: `${uniqueSlug(name.toLowerCase().replace(/\W/g, ""))}@example.be`, name } });

/**
 * A town with a known log: an admin and a coordinator at work around the
 * night summer time starts (29 March 2026, Brussels), and another town's entries.
 */
async function townWithLog() {
  const { tenant, categories } = await createTown();
  const other = await createTown();
  const admin = await user("Anna Admin");
  const coordinator = await user("=HYPERLINK(\"http://evil\")");
  const request = await createRequest(tenant, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
  const entry = (actorId: string | null, action: string, subjectId: string, createdAt: string, tenantId = tenant.id) =>
    systemDb.auditLog.create({ data: { tenantId, actorId, action, subjectType: "HelpRequest", subjectId, createdAt: new Date(createdAt), details: { note: "a, \"quoted\"\nline" } } });
  await systemDb.auditLog.deleteMany({ where: { tenantId: tenant.id } }); // the creation entry: keep the log exactly as below
  await entry(coordinator.id, "request.view", request.id, "2026-03-28T10:00:00Z");
  await entry(coordinator.id, "request.status", request.id, "2026-03-29T21:30:00Z"); // 23:30 in Brussels, 29 March
  await entry(admin.id, "request.view", request.id, "2026-03-29T22:30:00Z"); // 00:30 in Brussels, 30 March
  await entry(admin.id, "settings.update", tenant.id, "2026-03-30T08:00:00Z");
  await entry(null, "request.anonymise", "some-other-request", "2026-03-30T08:00:00Z");
  await entry(admin.id, "request.view", "elsewhere", "2026-03-29T22:00:00Z", other.tenant.id);
  return { tenant, other: other.tenant, admin, coordinator, request };
}

const actionsOf = async (tenant: { id: string; timeZone: string }, filter: AuditFilter) => (await listAudit(tenant, filter)).entries.map((e) => e.action);

describe("audit log search", () => {
  it("filters by person, action, request reference, free text and day (Brussels time)", async () => {
    const t = await townWithLog();
    // Newest first; of two at the same moment, the later written first.
    expect(await actionsOf(t.tenant, {})).toEqual(["request.anonymise", "settings.update", "request.view", "request.status", "request.view"]);
    expect((await listAudit(t.tenant, {})).total).toEqual({ count: 5, more: false });
    expect(await auditActions(t.tenant)).toEqual(["request.anonymise", "request.status", "request.view", "settings.update"]);

    const byAdmin = await listAudit(t.tenant, { actor: t.admin.email.slice(0, 12).toUpperCase() });
    expect(byAdmin.entries.every((e) => e.actor?.email === t.admin.email)).toBe(true);
    expect(byAdmin.total.count).toBe(2);
    expect((await listAudit(t.tenant, { actor: "anna adm" })).total.count).toBe(2);
    expect(await actionsOf(t.tenant, { action: "request.view" })).toEqual(["request.view", "request.view"]);

    const byReference = await listAudit(t.tenant, { subject: t.request.reference.toLowerCase() });
    expect(byReference.total.count).toBe(3);
    expect(byReference.entries.every((e) => e.reference === t.request.reference)).toBe(true);
    expect((await listAudit(t.tenant, { subject: t.request.id })).total.count).toBe(3);
    expect((await listAudit(t.tenant, { q: t.request.reference })).total.count).toBe(3);
    expect((await listAudit(t.tenant, { q: "SETTINGS" })).total.count).toBe(1);
    expect((await listAudit(t.tenant, { q: "hyperlink" })).total.count).toBe(2);

    expect(await actionsOf(t.tenant, { from: "2026-03-29", to: "2026-03-29" })).toEqual(["request.status"]);
    expect((await listAudit(t.tenant, { from: "2026-03-30" })).total.count).toBe(3);
    expect((await listAudit(t.tenant, { to: "2026-03-28" })).total.count).toBe(1);
    expect((await listAudit(t.tenant, { actor: "anna", from: "2026-03-30", action: "request.view" })).total.count).toBe(1);

    const limited = await listAudit(t.tenant, {}, { sort: "time", dir: "desc" }, 2);
    expect(limited.entries).toHaveLength(2);
    expect(limited.total.count).toBe(5);
    expect(limited.next).not.toBeNull();
    // Another town's entries never show, whatever the search.
    expect((await listAudit(t.tenant, { subject: "elsewhere" })).total.count).toBe(0);
    expect((await listAudit(t.other, {})).entries.map((e) => e.subjectId)).toEqual(["elsewhere"]);
  });

  it("answers bad filters with translation keys instead of searching", () => {
    expect(parseAuditFilter({ from: "2026-02-30" })).toMatchObject({ filter: null, errors: { from: "invalidDate" } });
    expect(parseAuditFilter({ to: "yesterday" })).toMatchObject({ filter: null, errors: { to: "invalidDate" } });
    expect(parseAuditFilter({ from: "2026-03-02", to: "2026-03-01" })).toMatchObject({ filter: null, errors: { to: "dateOrder" } });
    expect(parseAuditFilter({ q: "x".repeat(101) })).toMatchObject({ filter: null, errors: { q: "tooLong" } });
    expect(parseAuditFilter({ q: ["  first ", "second"], from: "", action: "request.view", unknown: "x" })).toEqual({
      values: { q: "  first ", action: "request.view" }, filter: { q: "first", action: "request.view" }, errors: {},
    });
  });

  it("pages through every entry once, newest first, even when entries share a timestamp", async () => {
    const t = await townWithLog();
    const seen: string[] = [];
    for await (const batch of auditBatches(t.tenant, {}, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen.push(...batch.map((e) => e.id));
    }
    const all = await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(seen).toEqual(all.map((e) => e.id));
  });

  it("exports as CSV (formulas defused, the town's clock) and JSON, and logs the export itself", async () => {
    const t = await townWithLog();
    const csv = await csvText(await exportAudit(t.tenant, t.admin.id, { subject: t.request.reference }, "csv", reader("en", en)));
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Time (Europe/Brussels),E-mail of the person,Name of the person,Action,Subject type,Subject id,Request reference,Details");
    // Three entries (counted by their timestamps: the details cells hold commas and quotes).
    expect(csv.match(/^2026-03-\d\d \d\d:\d\d:\d\d,/gm)).toHaveLength(3);
    // 21:30 UTC on the night summer time starts is 23:30 in Brussels.
    expect(csv).toContain(`2026-03-29 23:30:00,${t.coordinator.email},"'=HYPERLINK(""http://evil"")",request.status,HelpRequest,${t.request.id},${t.request.reference},`);
    expect(csv).not.toContain(",=HYPERLINK");

    const json = JSON.parse(await new Response(await exportAudit(t.tenant, t.admin.id, { action: "request.view" }, "json", reader("en", en))).text());
    expect(json.map((e: { action: string }) => e.action)).toEqual(["request.view", "request.view"]);
    expect(json[0]).toMatchObject({ actor: { email: t.admin.email }, reference: t.request.reference, details: { note: "a, \"quoted\"\nline" } });
    expect(JSON.parse(await new Response(await exportAudit(t.tenant, t.admin.id, { q: "nothing-matches-this" }, "json", reader("en", en))).text())).toEqual([]);

    const exports = await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action: "audit.export" }, orderBy: { createdAt: "asc" } });
    expect(exports.map((e) => [e.actorId, e.details])).toEqual([
      [t.admin.id, { format: "csv", filters: ["subject"] }],
      [t.admin.id, { format: "json", filters: ["action"] }],
      [t.admin.id, { format: "json", filters: ["q"] }],
    ]);
    expect(await systemDb.auditLog.count({ where: { tenantId: t.other.id, action: "audit.export" } })).toBe(0);
  });

  it("exports for Dutch, French and German spreadsheets with semicolons and headers in the reader's language", async () => {
    const t = await townWithLog();
    const csv = await csvText(await exportAudit(t.tenant, t.admin.id, { subject: t.request.reference }, "csv", reader("nl", nl as typeof en)));
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Tijdstip (Europe/Brussels);E-mailadres van de persoon;Naam van de persoon;Handeling;Soort onderwerp;Id van het onderwerp;Referentie van de vraag;Details");
    // 22:30 UTC on 29 March is 00:30 on 30 March in Brussels; the comma inside the details needs no quotes, the semicolon would.
    expect(csv).toContain(`2026-03-30 00:30:00;${t.admin.email};Anna Admin;request.view;HelpRequest;${t.request.id};${t.request.reference};`);
    expect(lines.slice(1).every((l) => l.split(";").length >= 8)).toBe(true);
  });
});
