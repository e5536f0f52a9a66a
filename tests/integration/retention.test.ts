import { describe, expect, it } from "vitest";
import { queueEmail } from "./helpers/outbox";
import { addNote, changeStatus, createRequest, publishRequest, reopenDueRecurring, triageRequest } from "@/lib/requests/mutations";
import { anonymiseExpired } from "@/lib/requests/retention";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

const DAY = 86_400_000;

describe("retention", () => {
  it("erases personal data of requests closed longer ago than the town's retention period", async () => {
    const { tenant, categories } = await createTown({ retentionDays: 30 });
    const other = await createTown({ retentionDays: 30 });
    const c = await createUser("coord");
    const town = { id: tenant.id, retentionDays: 30 };
    const closedAt = new Date("2026-01-01T12:00:00Z");

    const old = await createRequest(town, requestInput(categories[0].id, { email: "old@example.be" }), { source: "ONLINE", locale: "nl" });
    await publishRequest(town, c.id, old.id, "Groceries for an older resident");
    await changeStatus(town, c.id, old.id, "CANCELLED", closedAt);
    await addNote(town, c.id, old.id, "Lives alone, key with the neighbour");
    const open = await createRequest(town, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
    const elsewhere = await createRequest(other.tenant, requestInput(other.categories[0].id), { source: "ONLINE", locale: "nl" });
    await changeStatus(other.tenant, c.id, elsewhere.id, "CANCELLED", closedAt);
    const mail = await queueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "nl", to: "old@example.be", data: { reference: old.reference } }, closedAt);
    await systemDb.outboxEmail.update({ where: { id: mail.id }, data: { status: "SENT" } });

    expect(await anonymiseExpired(town, new Date(closedAt.getTime() + 29 * DAY))).toBe(0);
    expect(await anonymiseExpired(town, new Date(closedAt.getTime() + 31 * DAY))).toBe(1);

    const row = await systemDb.helpRequest.findFirstOrThrow({ where: { id: old.id } });
    expect(row).toMatchObject({ residentName: "", residentPhone: null, residentEmail: null, residentAddress: null, description: "", status: "CANCELLED", publicSummary: "Groceries for an older resident" });
    expect(row.anonymisedAt).not.toBeNull();
    expect(await systemDb.requestNote.count({ where: { requestId: old.id } })).toBe(0);
    expect(await systemDb.outboxEmail.count({ where: { id: mail.id } })).toBe(0);
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { id: open.id } })).residentName).toBe("Maria Peeters");
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { id: elsewhere.id } })).residentName).toBe("Maria Peeters");
    expect(await anonymiseExpired(town, new Date(closedAt.getTime() + 60 * DAY))).toBe(0);
  });

  it("erases volunteers' feedback too, and lets a recurring request reopen first", async () => {
    const { tenant, categories } = await createTown({ retentionDays: 30 });
    const town = { id: tenant.id, retentionDays: 30 };
    const c = await createUser("coord");
    const volunteer = await createVolunteer(tenant.id, [categories[0].id]);
    const closedAt = new Date("2026-01-01T12:00:00Z");
    const closeAs = async (id: string, recurrence: "NONE" | "WEEKLY", at: Date) => {
      await triageRequest(town, c.id, id, { urgency: "NORMAL", ageGroup: "OVER_80", recurrence, when: { kind: "ASAP" } });
      await publishRequest(town, c.id, id, "Weekly groceries for an older resident");
      await changeStatus(town, c.id, id, "MATCHED");
      await systemDb.assignment.create({ data: { tenantId: tenant.id, requestId: id, volunteerId: volunteer.profile.id, doneAt: at, feedback: "Maria's knee hurts" } });
      await changeStatus(town, c.id, id, "DONE", at);
    };
    const weekly = await createRequest(town, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
    await closeAs(weekly.id, "WEEKLY", closedAt);
    const stalled = await createRequest(town, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
    await closeAs(stalled.id, "WEEKLY", new Date(closedAt.getTime() - 10 * DAY));

    // Day 31: the weekly one waits for its next occurrence; the one never reopened (due 34 days ago) goes.
    const day31 = new Date(closedAt.getTime() + 31 * DAY);
    expect(await anonymiseExpired(town, day31)).toBe(1);
    const gone = await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: tenant.id, id: stalled.id } });
    expect(gone).toMatchObject({ residentName: "", nextOccurrenceAt: null });
    expect((await systemDb.assignment.findFirstOrThrow({ where: { tenantId: tenant.id, requestId: stalled.id } })).feedback).toBeNull();
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: tenant.id, id: weekly.id } })).residentName).toBe("Maria Peeters");

    expect(await reopenDueRecurring(town, day31)).toBe(1);
    expect(await anonymiseExpired(town, day31)).toBe(1);
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: tenant.id, id: weekly.id } })).residentName).toBe("");
    expect((await systemDb.assignment.findFirstOrThrow({ where: { tenantId: tenant.id, requestId: weekly.id } })).feedback).toBeNull();
    const next = await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: tenant.id, recurringFromId: weekly.id } });
    expect(next).toMatchObject({ status: "OPEN", residentName: "Maria Peeters", residentPhone: "+32470123456" });
  });
});
