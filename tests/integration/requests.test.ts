import { describe, expect, it } from "vitest";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { whenFromColumns } from "@/lib/when/when";
import { addNote, changeStatus, createRequest, publishRequest, reopenDueRecurring, triageRequest } from "@/lib/requests/mutations";
import { findDuplicates, getConfirmation, getRequestForStaff, listQueue } from "@/lib/requests/queries";
import { publicRequestsPage } from "@/lib/requests/public-list";
import { createTown, createUser, requestInput } from "./helpers/factories";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";

const listPublicRequests = async (tenant: { id: string; defaultLocale: "nl" }, locale: "nl") => (await publicRequestsPage(tenant, locale, null)).requests;

const town = async () => {
  const t = await createTown();
  return { ...t, ctx: { id: t.tenant.id, defaultLocale: "nl" as const } };
};

describe("help requests", () => {
  it("registers an online request with a reference and an audit entry", async () => {
    const a = await town();
    const { id, reference } = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "fr" });
    expect(reference).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id } } });
    expect(row).toMatchObject({ status: "NEW", source: "ONLINE", consentChannel: "ONLINE", residentPhone: "+32470123456", locale: "fr", contactless: true });
    expect(await getConfirmation(a.ctx, reference.toLowerCase())).toMatchObject({ reference });
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: a.tenant.id, subjectId: id } });
    expect(audit.map((e) => e.action)).toEqual(["request.create"]);
  });

  it("records who took a phone request and that consent was given by phone", async () => {
    const a = await town();
    const staff = await createUser("staff");
    const input = { ...requestInput(a.categories[0].id), consentByPhone: "on" as const, consentNote: "via daughter", urgency: "HIGH" as const, ageGroup: "OVER_80" as const, recurrence: "WEEKLY" as const };
    const { id } = await createRequest(a.ctx, input, { source: "PHONE", locale: "nl", staffId: staff.id });
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id } } });
    expect(row).toMatchObject({ source: "PHONE", consentChannel: "PHONE", createdById: staff.id, consentNote: "via daughter", urgency: "HIGH", ageGroup: "OVER_80", recurrence: "WEEKLY" });
    expect(whenFromColumns(row)).toEqual(input.when);
  });

  it("refuses a category of another town", async () => {
    const a = await town();
    const b = await town();
    await expect(createRequest(a.ctx, requestInput(b.categories[0].id), { source: "ONLINE", locale: "nl" })).rejects.toBeInstanceOf(InvalidInput);
    expect(await systemDb.helpRequest.count({ where: { tenantId: a.tenant.id } })).toBe(0);
  });

  it("publishes only the anonymised fields", async () => {
    const a = await town();
    const coordinator = await createUser("coord");
    const { id } = await createRequest(a.ctx, requestInput(a.categories[0].id, { description: "Secret details: diabetes, key under the mat" }), { source: "ONLINE", locale: "nl" });
    expect(await listPublicRequests(a.ctx, "nl")).toEqual([]);
    await publishRequest(a.ctx, coordinator.id, id, "Groceries for an older resident");
    const list = await listPublicRequests(a.ctx, "nl");
    expect(list).toHaveLength(1);
    const json = JSON.stringify(list);
    for (const secret of ["Maria", "Peeters", "+32470123456", "Kerkstraat", "diabetes", "key under the mat"]) expect(json).not.toContain(secret);
    expect(Object.keys(list[0]).sort()).toEqual(["category", "contactless", "id", "neighbourhood", "publicSummary", "publishedAt", "recurrence", "timeWindow", "when"]);
    expect(list[0]).toMatchObject({ publicSummary: "Groceries for an older resident", neighbourhood: "Centrum", category: expect.stringContaining("groceries-nl") });
  });

  it("moves through the allowed statuses only", async () => {
    const a = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    await expect(changeStatus(a.ctx, c.id, id, "DONE")).rejects.toBeInstanceOf(InvalidTransition);
    await publishRequest(a.ctx, c.id, id, "Groceries for an older resident");
    await changeStatus(a.ctx, c.id, id, "MATCHED");
    await changeStatus(a.ctx, c.id, id, "DONE");
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id } } });
    expect(row.status).toBe("DONE");
    expect(row.closedAt).not.toBeNull();
    await expect(changeStatus(a.ctx, c.id, id, "OPEN")).rejects.toBeInstanceOf(InvalidTransition);
    const actions = (await systemDb.auditLog.findMany({ where: { subjectId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["request.create", "request.publish", "request.status", "request.status"]);
  });

  it("lets exactly one of two simultaneous status changes win", async () => {
    const a = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    await publishRequest(a.ctx, c.id, id, "Groceries for an older resident");
    // Two pooled connections open first: otherwise one call waits for a new
    // login while the other reads, writes and commits, and they do not overlap.
    await Promise.all([forTenant(a.ctx.id).helpRequest.count(), forTenant(a.ctx.id).helpRequest.count()]);
    const results = await Promise.allSettled([changeStatus(a.ctx, c.id, id, "MATCHED"), changeStatus(a.ctx, c.id, id, "CANCELLED")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(InvalidTransition);
  });

  it("flags likely duplicates by phone or address", async () => {
    const a = await town();
    const first = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    const second = await createRequest(a.ctx, requestInput(a.categories[1].id, { phone: "+32470999999", address: "KERKSTRAAT 1" }), { source: "ONLINE", locale: "nl" });
    const other = await createRequest(a.ctx, requestInput(a.categories[1].id, { phone: "+32470888888", address: "Elders 5" }), { source: "ONLINE", locale: "nl" });
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id: first.id } } });
    expect((await findDuplicates(a.ctx, row)).map((d) => d.id)).toEqual([second.id]);
    expect((await findDuplicates(a.ctx, row)).map((d) => d.id)).not.toContain(other.id);
  });

  it("audits every staff view of personal data", async () => {
    const a = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    const detail = await getRequestForStaff(a.ctx, c.id, id, "nl");
    expect(detail.residentName).toBe("Maria Peeters");
    const views = await systemDb.auditLog.findMany({ where: { tenantId: a.tenant.id, subjectId: id, action: "request.view" } });
    expect(views).toHaveLength(1);
    expect(views[0].actorId).toBe(c.id);
  });

  it("filters the queue", async () => {
    const a = await town();
    const c = await createUser("coord");
    const r1 = await createRequest(a.ctx, requestInput(a.categories[0].id, { neighbourhood: "Heverlee" }), { source: "ONLINE", locale: "nl" });
    await createRequest(a.ctx, requestInput(a.categories[1].id, { neighbourhood: "Kessel-Lo" }), { source: "ONLINE", locale: "nl" });
    await triageRequest(a.ctx, c.id, r1.id, { urgency: "HIGH", ageGroup: "OVER_80", recurrence: "NONE", when: { kind: "ASAP" } });
    expect((await listQueue(a.ctx, { neighbourhood: "heverlee" }, "nl")).rows.map((r) => r.id)).toEqual([r1.id]);
    expect((await listQueue(a.ctx, { urgency: "HIGH" }, "nl")).rows.map((r) => r.id)).toEqual([r1.id]);
    expect((await listQueue(a.ctx, { ageGroup: "OVER_80" }, "nl")).rows.map((r) => r.id)).toEqual([r1.id]);
    expect((await listQueue(a.ctx, { categoryId: a.categories[1].id }, "nl")).rows).toHaveLength(1);
    expect((await listQueue(a.ctx, {}, "nl")).rows).toHaveLength(2);
    expect((await listQueue(a.ctx, { status: "DONE" }, "nl")).rows).toHaveLength(0);
  });

  it("reopens a recurring request once when it is due", async () => {
    const a = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    await triageRequest(a.ctx, c.id, id, { urgency: "NORMAL", ageGroup: "OVER_80", recurrence: "WEEKLY", when: { kind: "DATE", date: "2026-11-03", part: "MORNING" } });
    await publishRequest(a.ctx, c.id, id, "Weekly groceries for an older resident");
    await changeStatus(a.ctx, c.id, id, "MATCHED");
    const doneAt = new Date("2026-11-02T10:00:00Z");
    await changeStatus(a.ctx, c.id, id, "DONE", doneAt);
    expect(await reopenDueRecurring(a.ctx, new Date("2026-11-08T10:00:00Z"))).toBe(0);
    const due = new Date("2026-11-09T10:00:01Z");
    const results = await Promise.all([reopenDueRecurring(a.ctx, due), reopenDueRecurring(a.ctx, due)]);
    expect(results[0] + results[1]).toBe(1);
    const copies = await systemDb.helpRequest.findMany({ where: { tenantId: a.tenant.id, recurringFromId: id } });
    expect(copies).toHaveLength(1);
    // Help wanted on a given day comes back a week later, same part of the day.
    expect(whenFromColumns(copies[0])).toEqual({ kind: "DATE", date: "2026-11-10", part: "MORNING" });
    expect(copies[0]).toMatchObject({ status: "OPEN", publicSummary: "Weekly groceries for an older resident", recurrence: "WEEKLY", residentName: "Maria Peeters" });
  });
});

describe("help requests across towns", () => {
  it("a coordinator of town A can neither see nor change a request of town B", async () => {
    const a = await town();
    const b = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(b.ctx, requestInput(b.categories[0].id), { source: "ONLINE", locale: "nl" });
    await expect(getRequestForStaff(a.ctx, c.id, id, "nl")).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(publishRequest(a.ctx, c.id, id, "Taken over by town A")).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(changeStatus(a.ctx, c.id, id, "CANCELLED")).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(triageRequest(a.ctx, c.id, id, { urgency: "HIGH", ageGroup: "OVER_80", recurrence: "NONE", when: { kind: "ASAP" } })).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(addNote(a.ctx, c.id, id, "hello")).rejects.toBeInstanceOf(NotFoundInTenant);
    expect((await listQueue(a.ctx, {}, "nl")).rows).toEqual([]);
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: b.tenant.id, id } } });
    expect(row).toMatchObject({ status: "NEW", urgency: "NORMAL", publicSummary: "" });
    expect(await systemDb.auditLog.count({ where: { tenantId: a.tenant.id } })).toBe(0);
    expect(await systemDb.requestNote.count({ where: { requestId: id } })).toBe(0);
  });

  it("the public list of town A never shows town B's requests", async () => {
    const a = await town();
    const b = await town();
    const c = await createUser("coord");
    const { id } = await createRequest(b.ctx, requestInput(b.categories[0].id), { source: "ONLINE", locale: "nl" });
    await publishRequest(b.ctx, c.id, id, "Groceries in town B");
    expect(await listPublicRequests(a.ctx, "nl")).toEqual([]);
    expect(await listPublicRequests(b.ctx, "nl")).toHaveLength(1);
    expect(await getConfirmation(a.ctx, (await systemDb.helpRequest.findFirstOrThrow({ where: { id } })).reference)).toBeNull();
  });
});
