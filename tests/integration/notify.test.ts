import { afterEach, describe, expect, it } from "vitest";
import { dispatchOutbox } from "@/lib/email/dispatch";
import { givenAddress, volunteerContact } from "@/lib/notifications/contacts";
import { notify, type Message } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { startFakeResend } from "./helpers/fake-resend";
import { createTown, createVolunteer, uniqueSlug } from "./helpers/factories";
import { anonymiseExpired } from "@/lib/requests/retention";
import { deleteVolunteerProfile } from "@/lib/volunteers/profile";

let fake: Awaited<ReturnType<typeof startFakeResend>> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const address = () => `${uniqueSlug("n")}@example.be`;
const released = (to: string, extra: Partial<Message<"volunteer-released">> = {}): Message<"volunteer-released"> => ({
  to: volunteerContact({ email: to }), template: "volunteer-released", kind: "NOTIFICATION", locale: "nl", data: { url: "https://x.helpt.be/volunteer" }, ...extra,
});
const outboxTo = (to: string) => systemDb.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const recordsTo = (to: string) => systemDb.notification.findMany({ where: { recipient: to }, orderBy: { createdAt: "asc" } });
// Noon and 23:30 on the town's clock (Europe/Brussels, winter time: UTC+1).
const NOON = new Date("2026-12-02T11:00:00Z");
const LATE = new Date("2026-12-02T22:30:00Z");
const MORNING = new Date("2026-12-03T06:00:00Z");

describe("notify()", () => {
  it("writes in the caller's transaction: a change that rolls back leaves no message and no record", async () => {
    const { tenant } = await createTown();
    const [to, other] = [address(), address()];
    await expect(forTenant(tenant.id).$transaction(async (tx) => {
      await notify(tx, tenant, released(to), NOON);
      await notify(tx, tenant, { to: givenAddress(other), template: "request-done", locale: "nl", data: { reference: "ABCD-EFGH" } }, NOON);
      expect(await tx.outboxEmail.count({ where: { to: { in: [to, other] } } })).toBe(2);
      throw new Error("the change failed");
    })).rejects.toThrow("the change failed");
    expect(await systemDb.outboxEmail.count({ where: { to: { in: [to, other] } } })).toBe(0);
    expect(await recordsTo(to)).toEqual([]);
  });

  it("sends nothing to a person without consent or a confirmed address, and says why", async () => {
    const { tenant } = await createTown();
    const [refused, unconfirmed, resident] = [address(), address(), address()];
    const db = forTenant(tenant.id);
    const outcomes = await db.$transaction(async (tx) => [
      await notify(tx, tenant, released(refused, { to: { email: { value: refused, consent: false, verified: true } } }), NOON),
      await notify(tx, tenant, released(unconfirmed, { to: { email: { value: unconfirmed, consent: true, verified: false } } }), NOON),
      // An address typed into a request is fit for answers about it, not for alerts.
      await notify(tx, tenant, released(resident, { to: givenAddress(resident) }), NOON),
    ]);
    expect(outcomes.map(([d]) => [d.outcome, d.outboxId])).toEqual([["NO_CONSENT", null], ["UNVERIFIED", null], ["NO_CONSENT", null]]);
    for (const to of [refused, unconfirmed, resident]) expect(await outboxTo(to)).toEqual([]);
    // The coordinator's view (the town's own scope) shows the reasons.
    const seen = await db.notification.findMany({ where: { recipient: { in: [refused, unconfirmed] } }, select: { recipient: true, outcome: true, template: true } });
    expect(seen).toEqual(expect.arrayContaining([
      { recipient: refused, outcome: "NO_CONSENT", template: "volunteer-released" },
      { recipient: unconfirmed, outcome: "UNVERIFIED", template: "volunteer-released" },
    ]));
    // Another town sees none of it.
    const { tenant: elsewhere } = await createTown();
    expect(await forTenant(elsewhere.id).notification.count({ where: { recipient: { in: [refused, unconfirmed, resident] } } })).toBe(0);
  });

  it("answers a resident's own request at once, whatever the hour", async () => {
    const { tenant } = await createTown({ emailsPerDay: 0 });
    const to = address();
    const [d] = await notify(forTenant(tenant.id), tenant, { to: givenAddress(to), template: "request-received", locale: "fr", data: { reference: "ABCD-EFGH" } }, LATE);
    expect(d).toMatchObject({ outcome: "QUEUED", dueAt: LATE });
    expect(await outboxTo(to)).toMatchObject([{ status: "PENDING", nextAttemptAt: LATE, locale: "fr" }]);
    // Its outbox row is its record: nothing more is written.
    expect(await recordsTo(to)).toEqual([]);
  });

  it("holds a notification in the quiet hours until 07:00 on the town's clock, unless urgent", async () => {
    const { tenant } = await createTown({ timeZone: "Europe/Brussels" });
    const [sleeper, urgent] = [address(), address()];
    fake = await startFakeResend();
    const db = forTenant(tenant.id);
    const [[held]] = await db.$transaction(async (tx) => [await notify(tx, tenant, released(sleeper), LATE), await notify(tx, tenant, released(urgent, { urgent: true }), LATE)]);
    expect(held).toMatchObject({ outcome: "DEFERRED", dueAt: MORNING });
    expect(await recordsTo(sleeper)).toMatchObject([{ outcome: "DEFERRED", dueAt: MORNING, outboxId: held.outboxId, counted: true }]);

    // Through the night the worker sends the urgent one only; the other goes at 07:00.
    await dispatchOutbox({ now: new Date(MORNING.getTime() - 60_000), tenantIds: [tenant.id] });
    expect(fake.sent.map((c) => c.to[0])).toEqual([urgent]);
    await dispatchOutbox({ now: MORNING, tenantIds: [tenant.id] });
    expect(fake.sent.map((c) => c.to[0])).toEqual([urgent, sleeper]);
  });

  it("caps notifications per person and channel per day on the town's clock", async () => {
    const { tenant } = await createTown({ emailsPerDay: 2, timeZone: "Europe/Amsterdam" });
    const [busy, other] = [address(), address()];
    const db = forTenant(tenant.id);
    const send = (to: string, now: Date) => db.$transaction((tx) => notify(tx, tenant, released(to), now)).then(([d]) => d.outcome);
    // 08:00 and 21:00 on 2 December (UTC+1), then 21:59.
    expect([await send(busy, new Date("2026-12-02T07:00:00Z")), await send(busy, new Date("2026-12-02T20:00:00Z"))]).toEqual(["QUEUED", "QUEUED"]);
    expect(await send(busy, new Date("2026-12-02T20:59:00Z"))).toBe("CAPPED");
    // Someone else is not capped by it.
    expect(await send(other, new Date("2026-12-02T20:59:00Z"))).toBe("QUEUED");
    // 23:30 that night waits for the morning of 3 December: a new day, a new allowance.
    expect(await send(busy, LATE)).toBe("DEFERRED");
    expect(await send(busy, new Date("2026-12-03T09:00:00Z"))).toBe("QUEUED");
    expect(await send(busy, new Date("2026-12-03T10:00:00Z"))).toBe("CAPPED");

    // Over the cap an e-mail is held for the digest; nothing of it is due.
    const rows = await outboxTo(busy);
    expect(rows.map((r) => r.status)).toEqual(["PENDING", "PENDING", "HELD", "PENDING", "PENDING", "HELD"]);
    expect((await recordsTo(busy)).map((r) => r.outcome)).toEqual(["QUEUED", "QUEUED", "CAPPED", "DEFERRED", "QUEUED", "CAPPED"]);
  });

  it("counts concurrent notifications to one person exactly against the cap", async () => {
    const { tenant } = await createTown({ emailsPerDay: 3 });
    const to = address();
    const db = forTenant(tenant.id);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => db.$transaction((tx) => notify(tx, tenant, released(to), NOON))));
    expect(outcomes.flat().filter((d) => d.outcome === "QUEUED")).toHaveLength(3);
    expect(outcomes.flat().filter((d) => d.outcome === "CAPPED")).toHaveLength(5);
  });

  it("forgets whom it told: with the volunteer's profile, and after the town's retention period", async () => {
    const { tenant, categories } = await createTown({ retentionDays: 30 });
    const { user } = await createVolunteer(tenant.id, [categories[0].id]);
    const stranger = address();
    const db = forTenant(tenant.id);
    await db.$transaction(async (tx) => {
      await notify(tx, tenant, released(user.email), NOON);
      await notify(tx, tenant, released(stranger), NOON);
    });
    await deleteVolunteerProfile(tenant, user.id);
    expect(await recordsTo(user.email)).toEqual([]);
    expect(await recordsTo(stranger)).toHaveLength(1);
    await anonymiseExpired(tenant, new Date(NOON.getTime() + 29 * 86_400_000));
    expect(await recordsTo(stranger)).toHaveLength(1);
    await anonymiseExpired(tenant, new Date(NOON.getTime() + 31 * 86_400_000));
    expect(await recordsTo(stranger)).toEqual([]);
  });
});
