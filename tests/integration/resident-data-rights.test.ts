import { describe, expect, it } from "vitest";
import { assignVolunteers, completeAssignment } from "@/lib/matching/assign";
import { respondToRequest } from "@/lib/matching/respond";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { addNote, createRequest, publishRequest, reopenDueRecurring, triageRequest } from "@/lib/requests/mutations";
import { getRequestForStaff } from "@/lib/requests/queries";
import { eraseResidentData, exportResidentData, findResidentRequests } from "@/lib/residents/data-rights";
import { residentEraseSchema, residentKeySchema, type ResidentKey } from "@/lib/residents/schemas";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { coordinatorDashboard } from "@/lib/stats/dashboard";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

const PHONE = "+32470123456";
const VERIFIED = { identityVerified: true };
const DAY = 86_400_000;

/** A town where Maria asked for help twice (one done, with a volunteer, notes and mails; one new), and Jan once. */
async function townWithMaria() {
  const { tenant, categories } = await createTown();
  const ctx = { id: tenant.id, slug: tenant.slug, name: tenant.name, defaultLocale: "nl" as const, responseCap: tenant.responseCap };
  const coordinator = await createUser("coord");
  const volunteer = await createVolunteer(tenant.id, [categories[0].id], { name: "Vera Vrijwilliger", phone: "+32470111222" });

  const done = await createRequest(ctx, requestInput(categories[0].id, { email: "maria@example.be" }), { source: "ONLINE", locale: "nl" });
  await triageRequest(ctx, coordinator.id, done.id, { urgency: "HIGH", ageGroup: "OVER_80", recurrence: "WEEKLY", when: { kind: "ASAP" } });
  await publishRequest(ctx, coordinator.id, done.id, "Groceries for an older resident");
  await respondToRequest(ctx, volunteer.user.id, done.id, "I live around the corner");
  await assignVolunteers(ctx, coordinator.id, done.id, [volunteer.profile.id]);
  await completeAssignment(ctx, volunteer.user.id, done.id, { volunteerUserId: volunteer.user.id }, { feedback: "Maria's knee hurts, she needs help with the stairs", problem: false });
  await addNote(ctx, coordinator.id, done.id, "Daughter Els calls on Sundays");
  const fresh = await createRequest(ctx, requestInput(categories[1].id, { description: "Pick up my prescription at Apotheek Centrum" }), { source: "ONLINE", locale: "nl" });
  const jan = await createRequest(ctx, requestInput(categories[0].id, { name: "Jan Janssens", phone: "+32470999888", email: "jan@example.be" }), { source: "ONLINE", locale: "nl" });
  return { tenant, ctx, categories, coordinator, volunteer, done, fresh, jan };
}

const auditOf = (tenantId: string, action: string) =>
  systemDb.auditLog.findMany({ where: { tenantId, action }, orderBy: { subjectId: "asc" } });

describe("residents' data rights", () => {
  it("finds a resident by their phone number in any notation, or by e-mail, and logs the lookup", async () => {
    const t = await townWithMaria();
    const byPhone = residentKeySchema.parse("0470 12 34 56");
    expect(byPhone).toEqual({ phone: PHONE });
    expect(residentKeySchema.parse("0032 470/12.34.56")).toEqual({ phone: PHONE });
    const found = await findResidentRequests(t.ctx, t.coordinator.id, byPhone, "nl");
    expect(found.map((r) => r.id).sort()).toEqual([t.done.id, t.fresh.id].sort());
    expect(found.every((r) => r.residentName === "Maria Peeters")).toBe(true);

    const byEmail = await findResidentRequests(t.ctx, t.coordinator.id, residentKeySchema.parse(" MARIA@example.BE "), "nl");
    expect(byEmail.map((r) => r.reference)).toEqual([t.done.reference]);

    const lookups = await auditOf(t.tenant.id, "resident.lookup");
    expect(lookups).toHaveLength(3);
    expect(lookups.every((a) => a.actorId === t.coordinator.id && a.subjectType === "HelpRequest")).toBe(true);
    expect(lookups.map((a) => (a.details as { matchedBy: string }).matchedBy).sort()).toEqual(["email", "phone", "phone"]);
  });

  it("rejects what is neither a phone number nor an e-mail address, with a translation key", () => {
    for (const bad of ["", "   ", "12", "not a number", "maria@", "@example.be"]) {
      const parsed = residentKeySchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(["required", "invalidContact"]).toContain(parsed.error?.issues[0].message);
    }
  });

  it("exports everything the town holds about the resident, without volunteers' private details, and logs the identity check", async () => {
    const t = await townWithMaria();
    await getRequestForStaff(t.ctx, t.coordinator.id, t.done.id, "nl");
    const key: ResidentKey = { phone: PHONE };
    const data = await exportResidentData(t.ctx, t.coordinator.id, key, VERIFIED, "en");

    expect(data.town).toBe(t.tenant.name);
    expect(data.requests.map((r) => r.reference).sort()).toEqual([t.done.reference, t.fresh.reference].sort());
    const done = data.requests.find((r) => r.reference === t.done.reference)!;
    expect(done.resident).toMatchObject({ name: "Maria Peeters", phone: PHONE, email: "maria@example.be", address: "Kerkstraat 1" });
    expect(done.category).toBe((t.categories[0].labels as Record<string, string>).en);
    expect(done.need).toMatchObject({ description: "Groceries for this week, please", urgency: "HIGH", recurrence: "WEEKLY", when: { kind: "ASAP" } });
    expect(done.consent.channel).toBe("ONLINE");
    expect(done.notes.map((n) => n.text)).toEqual(["Daughter Els calls on Sundays"]);
    expect(done.offersOfHelp.map((o) => o.status)).toEqual(["ASSIGNED"]);
    expect(done.helpers).toEqual([expect.objectContaining({ firstName: "Vera", feedback: "Maria's knee hurts, she needs help with the stairs" })]);
    expect(data.emails.map((e) => e.template).sort()).toEqual(["request-done", "request-matched", "request-published", "request-received"]);
    expect(data.staffAccess).toContainEqual(expect.objectContaining({ request: t.done.reference, action: "request.view" }));

    const text = JSON.stringify(data);
    for (const secret of [t.volunteer.user.email, "+32470111222", "Vrijwilliger", "I live around the corner", t.coordinator.email, "Jan Janssens", t.jan.reference]) {
      expect(text, secret).not.toContain(secret);
    }

    const exports = await auditOf(t.tenant.id, "resident.export");
    expect(exports.map((a) => a.subjectId).sort()).toEqual([t.done.id, t.fresh.id].sort());
    for (const entry of exports) {
      expect(entry.actorId).toBe(t.coordinator.id);
      expect(entry.details).toMatchObject({ matchedBy: "phone", identityCheck: { method: "phone", confirmedBy: t.coordinator.id } });
    }
  });

  it("refuses export and erasure without the identity check: nothing leaves, nothing is erased", async () => {
    const t = await townWithMaria();
    const key: ResidentKey = { phone: PHONE };
    for (const attempt of [
      () => exportResidentData(t.ctx, t.coordinator.id, key, { identityVerified: false }, "nl"),
      () => eraseResidentData(t.ctx, t.coordinator.id, key, { identityVerified: false }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).errors).toEqual({ identityVerified: "identityCheckRequired" });
    }
    const row = await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: t.done.id } });
    expect(row).toMatchObject({ residentName: "Maria Peeters", residentPhone: PHONE, anonymisedAt: null });
    expect(await systemDb.requestNote.count({ where: { tenantId: t.tenant.id, requestId: t.done.id } })).toBe(1);
    expect(await auditOf(t.tenant.id, "resident.export")).toEqual([]);
    expect(await auditOf(t.tenant.id, "resident.erase")).toEqual([]);

    // The form: the identity box and the confirmation are both required.
    const parsed = residentEraseSchema.safeParse({ contact: "0470 12 34 56" });
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["identityVerified", "identityCheckRequired"], ["confirm", "confirmRequired"]]);
  });

  it("erases the resident's personal data everywhere in the town and keeps the statistics", async () => {
    const t = await townWithMaria();
    const other = await createTown();
    const elsewhere = await createRequest(other.tenant, requestInput(other.categories[0].id), { source: "ONLINE", locale: "nl" });
    const before = await coordinatorDashboard(t.ctx, "nl");
    const now = new Date();
    // What the town decided not to send her (an alert to an address she gave for her request) names her address too.
    for (const to of ["maria@example.be", "jan@example.be"]) {
      await notify(forTenant(t.tenant.id), t.tenant, { to: givenAddress(to), template: "crisis-call", kind: "NOTIFICATION", locale: "nl", data: { url: "https://x.helpt.be/volunteer" } });
    }

    const result = await eraseResidentData(t.ctx, t.coordinator.id, { phone: PHONE }, VERIFIED, now);
    expect(result.references.sort()).toEqual([t.done.reference, t.fresh.reference].sort());

    const rows = await systemDb.helpRequest.findMany({ where: { tenantId: t.tenant.id, id: { in: [t.done.id, t.fresh.id] } } });
    for (const r of rows) {
      expect(r).toMatchObject({ residentName: "", residentPhone: null, residentEmail: null, residentAddress: null, description: "", consentNote: null, nextOccurrenceAt: null });
      expect(r.anonymisedAt).toEqual(now);
    }
    const done = rows.find((r) => r.id === t.done.id)!;
    const fresh = rows.find((r) => r.id === t.fresh.id)!;
    // What the statistics need stays.
    expect(done).toMatchObject({ status: "DONE", categoryId: t.categories[0].id, neighbourhood: "Centrum", postcode: "3000", urgency: "HIGH", ageGroup: "OVER_80", publicSummary: "Groceries for an older resident" });
    expect(fresh).toMatchObject({ status: "CANCELLED", categoryId: t.categories[1].id, closedAt: now });
    expect(await systemDb.response.count({ where: { tenantId: t.tenant.id, requestId: t.done.id } })).toBe(1);
    const assignment = await systemDb.assignment.findFirstOrThrow({ where: { tenantId: t.tenant.id, requestId: t.done.id } });
    expect(assignment.feedback).toBeNull();
    expect(assignment.doneAt).not.toBeNull();
    expect(await systemDb.requestNote.count({ where: { tenantId: t.tenant.id, requestId: t.done.id } })).toBe(0);
    const after = await coordinatorDashboard(t.ctx, "nl");
    expect(after.byCategory).toEqual(before.byCategory);
    expect(after.byStatus).toEqual({ ...before.byStatus, NEW: before.byStatus.NEW - 1, CANCELLED: 1 });

    // No mail about her requests is left to send or to read: not hers, not the volunteer's with her address.
    const mails = await systemDb.outboxEmail.findMany({ where: { tenantId: t.tenant.id } });
    expect(JSON.stringify(mails)).not.toContain("Maria");
    expect(mails.filter((m) => m.to === "maria@example.be")).toEqual([]);
    expect(mails.map((m) => m.to)).toContain("jan@example.be");
    // Jan's records (his e-mail; his mobile number, which he gave no consent to text) stay.
    expect((await systemDb.notification.findMany({ where: { tenantId: t.tenant.id } })).map((n) => n.recipient).sort()).toEqual(["+32470999888", "jan@example.be"]);

    // Jan, and the same number in another town, are untouched.
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: t.jan.id } })).residentName).toBe("Jan Janssens");
    expect(await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: other.tenant.id, id: elsewhere.id } })).toMatchObject({ residentPhone: PHONE, anonymisedAt: null });

    // A weekly request does not come back without its resident.
    expect(await reopenDueRecurring(t.ctx, new Date(now.getTime() + 30 * DAY))).toBe(0);

    const erasures = await auditOf(t.tenant.id, "resident.erase");
    expect(erasures.map((a) => a.subjectId).sort()).toEqual([t.done.id, t.fresh.id].sort());
    expect(erasures.every((a) => a.actorId === t.coordinator.id)).toBe(true);
    expect(erasures.find((a) => a.subjectId === t.fresh.id)?.details).toMatchObject({ identityCheck: { confirmedBy: t.coordinator.id }, cancelledFrom: "NEW" });

    expect(await findResidentRequests(t.ctx, t.coordinator.id, { phone: PHONE }, "nl")).toEqual([]);
    await expect(eraseResidentData(t.ctx, t.coordinator.id, { phone: PHONE }, VERIFIED)).rejects.toBeInstanceOf(NotFoundInTenant);
  });

  it("town B's coordinator can neither find, export nor erase town A's resident", async () => {
    const a = await townWithMaria();
    const b = await createTown();
    const ctxB = { id: b.tenant.id, slug: b.tenant.slug, name: b.tenant.name, defaultLocale: "nl" as const };
    const coordinatorB = await createUser("coord-b");
    for (const key of [{ phone: PHONE }, { email: "maria@example.be" }] satisfies ResidentKey[]) {
      expect(await findResidentRequests(ctxB, coordinatorB.id, key, "nl")).toEqual([]);
      await expect(exportResidentData(ctxB, coordinatorB.id, key, VERIFIED, "nl")).rejects.toBeInstanceOf(NotFoundInTenant);
      await expect(eraseResidentData(ctxB, coordinatorB.id, key, VERIFIED)).rejects.toBeInstanceOf(NotFoundInTenant);
    }
    const rows = await systemDb.helpRequest.findMany({ where: { tenantId: a.tenant.id, residentPhone: PHONE } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.residentName === "Maria Peeters" && r.anonymisedAt === null)).toBe(true);
    expect(await systemDb.auditLog.count({ where: { tenantId: b.tenant.id, action: { startsWith: "resident." } } })).toBe(0);
    expect(await systemDb.auditLog.count({ where: { tenantId: a.tenant.id, actorId: coordinatorB.id } })).toBe(0);
  });
});
