import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as webhook } from "@/app/api/email/webhook/route";
import { deliver } from "@/lib/email/deliver";
import { dispatchOutbox } from "@/lib/email/dispatch";
import { queueEmail } from "./helpers/outbox";
import { undeliverableAmong } from "@/lib/email/suppressions";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { startFakeResend } from "./helpers/fake-resend";
import { startFakeSmtp } from "./helpers/fake-smtp";
import { newWebhookSecret, signWebhook } from "./helpers/sign-webhook";
import { getRequestForStaff } from "@/lib/requests/queries";
import { createRequest } from "@/lib/requests/mutations";
import { listVolunteers } from "@/lib/volunteers/admin";
import { createTown, createUser, createVolunteer, requestInput, uniqueSlug } from "./helpers/factories";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

const address = () => `${uniqueSlug("p")}@example.be`;

async function queue(tenantId: string, to: string) {
  return forTenant(tenantId).$transaction((tx) => queueEmail(tx, { tenantId, template: "request-done", locale: "nl", to, data: { reference: "ABCD-EFGH" } }));
}
const status = async (id: string) => (await systemDb.outboxEmail.findUniqueOrThrow({ where: { id } })).status;

describe("Resend through its SDK", () => {
  it("sends as the town (sender name) with the town's address for replies, the row id as idempotency key", async () => {
    const { tenant } = await createTown({ name: "Sint-Truiden", email: "welzijn@sint-truiden.be" });
    const fake = await startFakeResend();
    stops.push(fake.stop);
    const to = address();
    const row = await queue(tenant.id, to);
    await dispatchOutbox({ tenantIds: [tenant.id] });
    const call = fake.calls.find((c) => c.to[0] === to)!;
    expect(call).toMatchObject({ from: '"Sint-Truiden" <noreply@helpt.localhost>', replyTo: "welzijn@sint-truiden.be", idempotencyKey: row.id });
    expect(await status(row.id)).toBe("SENT");
  });

  it("keeps a lost answer retryable (no status) rather than failing the message", async () => {
    const fake = await startFakeResend(() => ({ status: 200, replyLost: true }));
    stops.push(fake.stop);
    await expect(deliver({ to: address(), subject: "S", html: "H", text: "H" })).rejects.toMatchObject({ status: 0, permanent: false });
  });
});

describe("SMTP relay (SMTP_URL)", () => {
  it("delivers through the relay with sender name, reply-to and the row id in the Message-ID", async () => {
    const { tenant } = await createTown({ name: "Hasselt", email: "info@hasselt.be" });
    const smtp = await startFakeSmtp();
    stops.push(smtp.stop);
    const to = address();
    const row = await queue(tenant.id, to);
    await dispatchOutbox({ tenantIds: [tenant.id] });
    const mail = smtp.received.find((m) => m.to.includes(to))!;
    expect(mail.from).toBe("noreply@helpt.localhost");
    expect(mail.raw).toMatch(/^From: "?Hasselt"? <noreply@helpt\.localhost>/m);
    expect(mail.raw).toMatch(/^Reply-To: info@hasselt\.be/m);
    expect(mail.raw).toContain(`Message-ID: <${row.id}@helpt.localhost>`);
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", providerId: `<${row.id}@helpt.localhost>` });
  });

  it("fails a message the relay refuses for good (550) and retries one it defers (451)", async () => {
    const { tenant } = await createTown();
    const [gone, later] = [address(), address()];
    const smtp = await startFakeSmtp((a) => (a === gone ? 550 : a === later ? 451 : undefined));
    stops.push(smtp.stop);
    const [a, b] = [await queue(tenant.id, gone), await queue(tenant.id, later)];
    await dispatchOutbox({ tenantIds: [tenant.id] });
    expect(await status(a.id)).toBe("FAILED");
    expect(await status(b.id)).toBe("PENDING");
  });
});

describe("bounce and complaint webhook", () => {
  let secret: string;
  beforeEach(() => {
    secret = newWebhookSecret();
    process.env.RESEND_WEBHOOK_SECRET = secret;
    stops.push(async () => void delete process.env.RESEND_WEBHOOK_SECRET);
  });

  const event = (type: string, to: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ type, created_at: new Date().toISOString(), data: { email_id: `re_${uniqueSlug("e")}`, to: [to], subject: "x", ...extra } });

  function post(body: string, signed: { id: string; timestamp: string; signature: string }) {
    return webhook(new Request("http://localhost/api/email/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "svix-id": signed.id, "svix-timestamp": signed.timestamp, "svix-signature": signed.signature },
    }));
  }
  const suppressions = (to: string) => systemDb.emailSuppression.findMany({ where: { address: to } });

  it("answers 404 when no secret is configured", async () => {
    delete process.env.RESEND_WEBHOOK_SECRET;
    const body = event("email.bounced", address());
    expect((await post(body, signWebhook(secret, body))).status).toBe(404);
  });

  it("marks a hard bounce undeliverable for every town, and the outbox stops sending to it", async () => {
    const [one, two] = [await createTown(), await createTown()];
    const to = address();
    const body = event("email.bounced", to, { bounce: { type: "Permanent", subType: "General", message: "no such user" } });
    expect((await post(body, signWebhook(secret, body))).status).toBe(200);
    expect(await suppressions(to)).toMatchObject([{ reason: "BOUNCE", tenantId: null }]);
    for (const t of [one, two]) expect(await undeliverableAmong(forTenant(t.tenant.id), [to])).toEqual(new Set([to]));

    const fake = await startFakeResend();
    stops.push(fake.stop);
    const row = await queue(one.tenant.id, to);
    await dispatchOutbox({ tenantIds: [one.tenant.id] });
    expect(fake.calls.filter((c) => c.to[0] === to)).toEqual([]);
    expect(await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", lastError: "undeliverable: bounce" });
  });

  it("ignores a transient bounce", async () => {
    const to = address();
    const body = event("email.bounced", to, { bounce: { type: "Transient" } });
    expect((await post(body, signWebhook(secret, body))).status).toBe(200);
    expect(await suppressions(to)).toEqual([]);
  });

  it("marks a complaint for the town whose mail it was, and leaves another town's mail to the address alone", async () => {
    const [mine, other] = [await createTown(), await createTown()];
    const to = address();
    const fake = await startFakeResend();
    stops.push(fake.stop);
    const first = await queue(mine.tenant.id, to);
    await dispatchOutbox({ tenantIds: [mine.tenant.id] });
    const { providerId } = await systemDb.outboxEmail.findUniqueOrThrow({ where: { id: first.id } });

    const body = event("email.complained", to, { email_id: providerId });
    expect((await post(body, signWebhook(secret, body))).status).toBe(200);
    expect(await suppressions(to)).toMatchObject([{ reason: "COMPLAINT", tenantId: mine.tenant.id }]);
    expect(await undeliverableAmong(forTenant(mine.tenant.id), [to])).toEqual(new Set([to]));
    expect(await undeliverableAmong(forTenant(other.tenant.id), [to])).toEqual(new Set());

    const [again, elsewhere] = [await queue(mine.tenant.id, to), await queue(other.tenant.id, to)];
    await dispatchOutbox({ tenantIds: [mine.tenant.id, other.tenant.id] });
    expect(await status(again.id)).toBe("FAILED");
    expect(await status(elsewhere.id)).toBe("SENT");
  });

  it("refuses a wrong signature, a body changed after signing, a signature by another secret and missing headers", async () => {
    const to = address();
    const body = event("email.bounced", to);
    const signed = signWebhook(secret, body);
    expect((await post(body, { ...signed, signature: "v1,AAAA" })).status).toBe(400);
    expect((await post(body.replace(to, address()), signed)).status).toBe(400);
    expect((await post(body, signWebhook(newWebhookSecret(), body))).status).toBe(400);
    expect((await post(body, { ...signed, signature: "" })).status).toBe(400);
    expect(await suppressions(to)).toEqual([]);
  });

  it("refuses a signed delivery with a timestamp too old or too far ahead (an old delivery replayed)", async () => {
    const to = address();
    const body = event("email.bounced", to);
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, signWebhook(secret, body, { timestamp: now - 6 * 60 }))).status).toBe(400);
    expect((await post(body, signWebhook(secret, body, { timestamp: now + 6 * 60 }))).status).toBe(400);
    expect(await suppressions(to)).toEqual([]);
  });

  it("records a delivery replayed within the window once", async () => {
    const to = address();
    const body = event("email.bounced", to);
    const signed = signWebhook(secret, body);
    expect((await post(body, signed)).status).toBe(200);
    expect((await post(body, signed)).status).toBe(200);
    expect(await suppressions(to)).toHaveLength(1);
  });

  it("shows staff which volunteer and which resident the town's mail no longer reaches", async () => {
    const { tenant, categories } = await createTown();
    const [bounced, fine] = [await createVolunteer(tenant.id, [categories[0].id]), await createVolunteer(tenant.id, [categories[0].id])];
    const residentEmail = address();
    const { id } = await createRequest({ id: tenant.id }, requestInput(categories[0].id, { email: residentEmail }), { source: "ONLINE", locale: "nl" });
    for (const to of [bounced.user.email, residentEmail]) {
      const body = event("email.bounced", to.toUpperCase(), { bounce: { type: "Permanent" } });
      expect((await post(body, signWebhook(secret, body))).status).toBe(200);
    }
    const { rows } = await listVolunteers(tenant);
    expect(rows.find((r) => r.id === bounced.profile.id)!.emailUndeliverable).toBe(true);
    expect(rows.find((r) => r.id === fine.profile.id)!.emailUndeliverable).toBe(false);
    const staff = await createUser("staff");
    const request = await getRequestForStaff({ ...tenant, defaultLocale: "nl" }, staff.id, id, "nl");
    expect(request.residentEmailUndeliverable).toBe(true);
  });
});
