import { describe, expect, it } from "vitest";
import { enqueueEmail } from "@/lib/email/outbox";
import { addNote, changeStatus, createRequest, publishRequest } from "@/lib/requests/mutations";
import { anonymiseExpired } from "@/lib/requests/retention";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { createTown, createUser, requestInput } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

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
    const mail = await enqueueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "nl", to: "old@example.be", data: { reference: old.reference } }, closedAt);
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
});
