import { afterEach, describe, expect, it } from "vitest";
import { backoffMs, dispatchOutbox, MAX_ATTEMPTS } from "@/lib/email/dispatch";
import { sendDigests } from "@/lib/notifications/held-digest";
import { queueEmail } from "./helpers/outbox";
import { createRequest } from "@/lib/requests/mutations";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { startFakeResend } from "./helpers/fake-resend";
import { freePort } from "../../scripts/lib/ports";
import { createTown, requestInput, uniqueSlug } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

let fake: Awaited<ReturnType<typeof startFakeResend>> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const address = () => `${uniqueSlug("r")}@example.be`;
const rowsTo = (to: string) => systemDb.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("transactional outbox", () => {
  it("writes the e-mail in the same transaction as the request", async () => {
    const { tenant, categories } = await createTown();
    const to = address();
    const { reference } = await createRequest({ id: tenant.id }, requestInput(categories[0].id, { email: to }), { source: "ONLINE", locale: "fr" });
    const [row] = await rowsTo(to);
    expect(row).toMatchObject({ template: "request-received", locale: "fr", status: "PENDING", tenantId: tenant.id, data: { reference } });
  });

  it("writes no e-mail when the change rolls back", async () => {
    const { tenant } = await createTown();
    const to = address();
    await expect(
      forTenant(tenant.id).$transaction(async (tx) => {
        await queueEmail(tx, { tenantId: tenant.id, template: "request-done", locale: "nl", to, data: { reference: "ABCD-EFGH" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rowsTo(to)).toEqual([]);
  });

  it("sends each message exactly once with two workers running", async () => {
    const { tenant } = await createTown();
    fake = await startFakeResend(() => ({ status: 200, delayMs: 15 }));
    const recipients = Array.from({ length: 12 }, address);
    await forTenant(tenant.id).$transaction(async (tx) => {
      for (const to of recipients) await queueEmail(tx, { tenantId: tenant.id, template: "request-done", locale: "nl", to, data: { reference: "ABCD-EFGH" } });
    });
    for (let round = 0; round < 4; round++) await Promise.all([dispatchOutbox({ batch: 5, tenantIds: [tenant.id] }), dispatchOutbox({ batch: 5, tenantIds: [tenant.id] })]);
    const mine = fake.calls.filter((c) => recipients.includes(c.to[0]));
    expect(mine).toHaveLength(12);
    expect(new Set(mine.map((c) => c.idempotencyKey)).size).toBe(12);
    const rows = await systemDb.outboxEmail.findMany({ where: { to: { in: recipients } } });
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 1 && r.providerId)).toBe(true);
  });

  it("retries with backoff through failures and rate limits, honouring retry-after", async () => {
    const { tenant } = await createTown();
    const to = address();
    const replies = [{ status: 500 }, { status: 429, retryAfter: 600 }, { status: 200 }];
    fake = await startFakeResend((call) => (call.to[0] === to ? replies.shift()! : { status: 200 }));
    const row = await queueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "en", to, data: { reference: "ABCD-EFGH" } });

    let now = new Date();
    await dispatchOutbox({ now, tenantIds: [tenant.id] });
    let state = await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(state.lastError).toContain("500");
    expect(state.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(24_000);

    now = new Date(state.nextAttemptAt.getTime() + 1);
    await dispatchOutbox({ now, tenantIds: [tenant.id] });
    state = await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(state.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(600_000);

    await dispatchOutbox({ now: new Date(state.nextAttemptAt.getTime() - 1000), tenantIds: [tenant.id] }); // not due yet
    expect((await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(2);

    await dispatchOutbox({ now: new Date(state.nextAttemptAt.getTime() + 1), tenantIds: [tenant.id] });
    state = await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    const keys = fake.calls.filter((c) => c.to[0] === to).map((c) => c.idempotencyKey);
    expect(keys).toEqual([row.id, row.id, row.id]);
  });

  it("loses nothing while the provider is down for hours, and sends each message once when it is back", async () => {
    const { tenant } = await createTown();
    const recipients = Array.from({ length: 6 }, address);
    const HOUR = 3_600_000;
    const t0 = new Date();
    let now = t0;
    let replyLost = false;
    // Five hours down (one unreachable, two answering 503, two rate limited), then
    // back, but the reply to the first message it accepts never arrives.
    fake = await startFakeResend(() => {
      if (now.getTime() - t0.getTime() < 3 * HOUR) return { status: 503 };
      if (now.getTime() - t0.getTime() < 5 * HOUR) return { status: 429, retryAfter: 120 };
      if (!replyLost) return (replyLost = true), { status: 200, replyLost: true };
      return { status: 200 };
    });
    const ids: string[] = [];
    await forTenant(tenant.id).$transaction(async (tx) => {
      for (const to of recipients) ids.push((await queueEmail(tx, { tenantId: tenant.id, template: "request-done", locale: "nl", to, data: { reference: "ABCD-EFGH" } })).id);
    });
    ids.sort();
    const mine = () => systemDb.outboxEmail.findMany({ where: { id: { in: ids } } });

    // The worker's loop, with the clock jumping to the next message due.
    for (let round = 0; round < 200; round++) {
      process.env.RESEND_BASE_URL = now.getTime() - t0.getTime() < HOUR ? `http://127.0.0.1:${await freePort()}` : fake.url;
      await dispatchOutbox({ now, tenantIds: [tenant.id] });
      const pending = (await mine()).filter((r) => r.status === "PENDING");
      if (!pending.length) break;
      now = new Date(Math.max(now.getTime() + 1, Math.min(...pending.map((r) => r.nextAttemptAt.getTime()))));
    }

    const final = await mine();
    expect(final.map((r) => r.status)).toEqual(ids.map(() => "SENT"));
    expect(Math.max(...final.map((r) => r.attempts))).toBeLessThan(MAX_ATTEMPTS);
    expect(final.find((r) => r.lastError !== null)).toBeUndefined();
    expect(replyLost).toBe(true);
    // Tried all through the outage, sent once each: the row id is the idempotency key.
    expect(Math.min(...final.map((r) => r.attempts))).toBeGreaterThan(5);
    for (const id of ids) expect(fake.calls.filter((c) => c.idempotencyKey === id).length).toBeGreaterThanOrEqual(2);
    expect(fake.sent.map((c) => c.idempotencyKey).sort()).toEqual(ids);
    // The message whose reply was lost keeps the id of its one real delivery.
    const lost = fake.sent[0];
    expect(final.find((r) => r.id === lost.idempotencyKey)!.providerId).toMatch(new RegExp(`^re_\\w+_${fake.calls.indexOf(lost) + 1}$`));
  });

  it("flags an invalid address after one attempt instead of retrying forever", async () => {
    const { tenant } = await createTown();
    const to = address();
    fake = await startFakeResend((call) => ({ status: call.to[0] === to ? 422 : 200 }));
    const row = await queueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "en", to, data: { reference: "ABCD-EFGH" } });
    await dispatchOutbox({ tenantIds: [tenant.id] });
    await dispatchOutbox({ now: new Date(Date.now() + 86_400_000), tenantIds: [tenant.id] });
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(fake.calls.filter((c) => c.to[0] === to)).toHaveLength(1);
  });

  it("a template that throws fails its own message only", async () => {
    const { tenant } = await createTown();
    const bad = address();
    const good = address();
    fake = await startFakeResend();
    const db = forTenant(tenant.id);
    const broken = await db.outboxEmail.create({ data: { tenantId: tenant.id, template: "volunteer-assigned", locale: "nl", to: bad, data: { nonsense: true } } });
    const fine = await queueEmail(db, { tenantId: tenant.id, template: "request-done", locale: "nl", to: good, data: { reference: "ABCD-EFGH" } });
    await dispatchOutbox({ tenantIds: [tenant.id] });
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({ status: "FAILED" });
    expect((await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: broken.id } })).lastError).toMatch(/^render:/);
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: fine.id } })).toMatchObject({ status: "SENT" });
  });

  it("gives up after the maximum number of attempts", async () => {
    const { tenant } = await createTown();
    const to = address();
    fake = await startFakeResend((call) => ({ status: call.to[0] === to ? 503 : 200 }));
    const row = await queueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "en", to, data: { reference: "ABCD-EFGH" } });
    await systemDb.outboxEmail.update({ where: { id: row.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await dispatchOutbox({ tenantIds: [tenant.id] });
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
  });

  it("backs off exponentially, capped at an hour", () => {
    expect(backoffMs(1, undefined, 0.5)).toBe(30_000);
    expect(backoffMs(3, undefined, 0.5)).toBe(120_000);
    expect(backoffMs(20, undefined, 0.5)).toBe(3_600_000);
    expect(backoffMs(1, 900, 0.5)).toBe(900_000);
  });
});

describe("daily caps and digests", () => {
  it("holds notifications over the town's daily cap and groups them into one digest", async () => {
    const { tenant } = await createTown({ emailsPerDay: 2 });
    const to = address();
    const db = forTenant(tenant.id);
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) => queueEmail(tx, { tenantId: tenant.id, template: "request-published", kind: "NOTIFICATION", locale: "en", to, data: { reference: `REF${i}-AAAA` } }));
    }
    expect((await rowsTo(to)).map((r) => r.status)).toEqual(["PENDING", "PENDING", "HELD", "HELD", "HELD"]);

    expect(await sendDigests()).toBeGreaterThanOrEqual(1);
    const rows = await rowsTo(to);
    expect(rows.filter((r) => r.status === "DIGESTED")).toHaveLength(3);
    const digest = rows.find((r) => r.template === "volunteer-digest")!;
    expect(digest).toMatchObject({ status: "PENDING", kind: "TRANSACTIONAL" });
    const items = (digest.data as { items: string[] }).items;
    expect(items).toHaveLength(3);
    expect(items[0]).toContain("REF2-AAAA");

    await sendDigests();
    expect((await rowsTo(to)).filter((r) => r.template === "volunteer-digest")).toHaveLength(1);
  });

  it("counts concurrent notifications exactly against the cap", async () => {
    const { tenant } = await createTown({ emailsPerDay: 3 });
    const to = address();
    const db = forTenant(tenant.id);
    await Promise.all(Array.from({ length: 8 }, (_, i) =>
      db.$transaction((tx) => queueEmail(tx, { tenantId: tenant.id, template: "request-published", kind: "NOTIFICATION", locale: "en", to, data: { reference: `C${i}` } })),
    ));
    const rows = await rowsTo(to);
    expect(rows.filter((r) => r.status === "PENDING")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "HELD")).toHaveLength(5);
  });

  it("never caps transactional mail", async () => {
    const { tenant } = await createTown({ emailsPerDay: 0 });
    const to = address();
    await queueEmail(forTenant(tenant.id), { tenantId: tenant.id, template: "request-done", locale: "en", to, data: { reference: "ABCD-EFGH" } });
    expect((await rowsTo(to))[0].status).toBe("PENDING");
  });
});
