import { randomInt } from "node:crypto";
import twilio from "twilio";
import { afterEach, describe, expect, it } from "vitest";
import { POST as inboundRoute } from "@/app/api/sms/inbound/route";
import { POST as statusRoute } from "@/app/api/sms/status/route";
import { volunteerContact } from "@/lib/notifications/contacts";
import { notify, type Message } from "@/lib/notifications/notify";
import { dispatchSms, MAX_SMS_ATTEMPTS } from "@/lib/sms/dispatch";
import { INBOUND_PATH, statusCallbackUrl } from "@/lib/sms/webhook-urls";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { apexOrigin } from "@/lib/tenancy/urls";
import { createTown } from "./helpers/factories";
import { startFakeTwilio, TEST_AUTH_TOKEN } from "./helpers/fake-twilio";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  delete process.env.TWILIO_AUTH_TOKEN;
});
async function fakeTwilio(...args: Parameters<typeof startFakeTwilio>) {
  const fake = await startFakeTwilio(...args);
  stops.push(fake.stop);
  return fake;
}

/** A Belgian mobile number no other test uses (opt-outs are platform-wide). */
const mobile = () => `+32470${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
const alert = (phone: string, extra: Partial<Message<"phone-verification">> = {}): Message<"phone-verification"> => ({
  to: { phone: { value: phone, consent: true, verified: true } }, template: "phone-verification", kind: "NOTIFICATION", urgent: true, locale: "nl", data: { code: "123456" }, ...extra,
});
async function queue(tenantId: string, phones: string[]) {
  const results = await forTenant(tenantId).$transaction((tx) => Promise.all(phones.map((p) => notify(tx, { id: tenantId }, alert(p)))));
  return results.map(([d]) => d.outboxId!);
}
const row = (id: string) => systemDb.outboxSms.findFirstOrThrow({ where: { id } });
const record = (outboxId: string) => systemDb.notification.findFirstOrThrow({ where: { outboxId } });
const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);

function signed(url: string, params: Record<string, string>, token = TEST_AUTH_TOKEN, signature?: string | null) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  const sig = signature === undefined ? twilio.getExpectedTwilioSignature(token, url, params) : signature;
  if (sig !== null) headers["x-twilio-signature"] = sig;
  // The app sees the request as the server got it (behind the proxy: its own host and port); it checks the URL it gave.
  const local = new URL(url);
  return new Request(`http://127.0.0.1:3000${local.pathname}${local.search}`, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

describe("SMS through Twilio's API", () => {
  it("sends the rendered text form-encoded with Basic auth and a status callback, and records SENT", async () => {
    const { tenant } = await createTown({ name: "Sint-Truiden" });
    const fake = await fakeTwilio();
    const to = mobile();
    const [id] = await queue(tenant.id, [to]);
    expect(await dispatchSms({ tenantIds: [tenant.id] })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const call = fake.sent.find((c) => c.to === to)!;
    expect(call).toMatchObject({ from: "+32460000000", authorised: true, body: "Sint-Truiden: Uw code: 123456. Ze is 10 minuten geldig. Vroeg u er niet om? Negeer dan dit bericht.", statusCallback: statusCallbackUrl(id) });
    expect(await row(id)).toMatchObject({ status: "SENT", providerId: call.sid, attempts: 1, body: call.body });
    expect((await record(id)).delivery).toBe("SENT");
  });

  it("retries through an outage without losing or repeating a text", async () => {
    const { tenant } = await createTown();
    let down = true;
    const fake = await fakeTwilio(() => (down ? { status: 503 } : { status: 201 }));
    const phones = Array.from({ length: 5 }, mobile);
    const ids = await queue(tenant.id, phones);
    expect(await dispatchSms({ tenantIds: [tenant.id] })).toEqual({ sent: 0, retrying: 5, failed: 0 });
    // Not due again yet: backoff.
    expect(await dispatchSms({ tenantIds: [tenant.id] })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("503") });
    expect(await dispatchSms({ tenantIds: [tenant.id], now: later(1) })).toEqual({ sent: 0, retrying: 5, failed: 0 });
    down = false;
    expect(await dispatchSms({ tenantIds: [tenant.id], now: later(3) })).toEqual({ sent: 5, retrying: 0, failed: 0 });
    expect(await dispatchSms({ tenantIds: [tenant.id], now: later(6) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.sent.map((c) => c.to).sort()).toEqual([...phones].sort());
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3 });
  });

  it("gives up at once on a number Twilio refuses (400, error 21211), and after MAX_SMS_ATTEMPTS on an outage", async () => {
    const { tenant } = await createTown();
    const [bad, unlucky] = [mobile(), mobile()];
    await fakeTwilio((c) => (c.to === bad ? { status: 400, code: 21211 } : { status: 500 }));
    const [a, b] = await queue(tenant.id, [bad, unlucky]);
    await dispatchSms({ tenantIds: [tenant.id] });
    expect(await row(a)).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringContaining("21211") });
    expect((await record(a)).delivery).toBe("FAILED");
    for (let i = 2; i <= MAX_SMS_ATTEMPTS; i++) await dispatchSms({ tenantIds: [tenant.id], now: later(2 * i) });
    expect(await row(b)).toMatchObject({ status: "FAILED", attempts: MAX_SMS_ATTEMPTS });
    expect((await record(b)).delivery).toBe("FAILED");
  });

  it("never lets two workers send the same text", async () => {
    const { tenant } = await createTown();
    const fake = await fakeTwilio(() => ({ status: 201, delayMs: 15 }));
    const phones = Array.from({ length: 24 }, mobile);
    await queue(tenant.id, phones);
    const runs = await Promise.all(Array.from({ length: 4 }, () => dispatchSms({ tenantIds: [tenant.id], batch: 10 })));
    const again = await Promise.all(Array.from({ length: 4 }, () => dispatchSms({ tenantIds: [tenant.id], batch: 10 })));
    const sent = [...runs, ...again].reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(24);
    expect(fake.sent.length).toBe(24);
    expect(new Set(fake.sent.map((c) => c.to)).size).toBe(24);
  });

  it("keeps texts in the development inbox without Twilio's keys", async () => {
    const { tenant } = await createTown({ name: "Hasselt" });
    const [id] = await queue(tenant.id, [mobile()]);
    await dispatchSms({ tenantIds: [tenant.id] });
    expect(await row(id)).toMatchObject({ status: "SENT", providerId: expect.stringMatching(/^dev-/), body: expect.stringMatching(/^Hasselt: Uw code: 123456/) });
  });
});

describe("status callback (POST /api/sms/status)", () => {
  async function sentRow() {
    const { tenant } = await createTown();
    const fake = await fakeTwilio();
    const [id] = await queue(tenant.id, [mobile()]);
    await dispatchSms({ tenantIds: [tenant.id] });
    return { id, sid: fake.sent[0].sid };
  }

  it("records a signed 'delivered', and a late 'failed' does not undo it", async () => {
    const { id, sid } = await sentRow();
    const res = await statusRoute(signed(statusCallbackUrl(id), { MessageSid: sid, MessageStatus: "delivered", AccountSid: "AC0" }));
    expect(res.status).toBe(200);
    expect((await row(id)).status).toBe("DELIVERED");
    expect((await record(id)).delivery).toBe("DELIVERED");
    await statusRoute(signed(statusCallbackUrl(id), { MessageSid: sid, MessageStatus: "failed", ErrorCode: "30003" }));
    expect((await row(id)).status).toBe("DELIVERED");
    expect((await record(id)).delivery).toBe("DELIVERED");
  });

  it("records 'undelivered' as FAILED with Twilio's error code", async () => {
    const { id, sid } = await sentRow();
    expect((await statusRoute(signed(statusCallbackUrl(id), { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30005" }))).status).toBe(200);
    expect(await row(id)).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("30005") });
    expect((await record(id)).delivery).toBe("FAILED");
  });

  it("refuses forged and unsigned callbacks (403) and malformed ones (400), changing nothing", async () => {
    const { id, sid } = await sentRow();
    const params = { MessageSid: sid, MessageStatus: "delivered" };
    expect((await statusRoute(signed(statusCallbackUrl(id), params, "another-accounts-token-000"))).status).toBe(403);
    expect((await statusRoute(signed(statusCallbackUrl(id), params, TEST_AUTH_TOKEN, null))).status).toBe(403);
    // Signed for another row: the id is part of what is signed.
    expect((await statusRoute(new Request(`http://127.0.0.1:3000/api/sms/status?id=${id}`, {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, statusCallbackUrl("other"), params) }, body: new URLSearchParams(params).toString(),
    }))).status).toBe(403);
    expect((await statusRoute(signed(statusCallbackUrl(id), { MessageSid: "nonsense", MessageStatus: "delivered" }))).status).toBe(400);
    expect((await statusRoute(signed(`${apexOrigin()}/api/sms/status`, params))).status).toBe(400);
    expect((await row(id)).status).toBe("SENT");
  });

  it("does not exist without Twilio's auth token (404)", async () => {
    expect((await statusRoute(signed(statusCallbackUrl("x"), { MessageSid: "SM0", MessageStatus: "delivered" }))).status).toBe(404);
  });
});

describe("inbound texts (POST /api/sms/inbound)", () => {
  const inbound = (From: string, Body: string, token?: string) => inboundRoute(signed(`${apexOrigin()}${INBOUND_PATH}`, { From, Body, MessageSid: `SM${"1".repeat(32)}` }, token));

  it("opts a number out at once on STOP in any of our languages, and notify() then records OPTED_OUT; START undoes it", async () => {
    process.env.TWILIO_AUTH_TOKEN = TEST_AUTH_TOKEN;
    const { tenant } = await createTown();
    for (const word of ["STOP", " stop. ", "Arrêt", "UITSCHRIJVEN"]) {
      const phone = mobile();
      const res = await inbound(phone, word);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/xml/);
      expect(await res.text()).toMatch(/<Response><Message>.*START.*<\/Message><\/Response>/);
      expect(await systemDb.smsOptOut.count({ where: { phone } })).toBe(1);
      const [sms] = await forTenant(tenant.id).$transaction((tx) => notify(tx, tenant, alert(phone)));
      expect(sms).toMatchObject({ channel: "SMS", outcome: "OPTED_OUT", outboxId: null });
      // Not even an answer to the person's own step goes to a number that said STOP.
      const [answer] = await forTenant(tenant.id).$transaction((tx) => notify(tx, tenant, alert(phone, { kind: "TRANSACTIONAL" })));
      expect(answer.outcome).toBe("OPTED_OUT");
      expect(await systemDb.notification.count({ where: { tenantId: tenant.id, recipient: phone, outcome: "OPTED_OUT" } })).toBe(2);
      expect(await systemDb.outboxSms.count({ where: { to: phone } })).toBe(0);
      await inbound(phone, "start");
      expect(await systemDb.smsOptOut.count({ where: { phone } })).toBe(0);
      const [again] = await forTenant(tenant.id).$transaction((tx) => notify(tx, tenant, alert(phone)));
      expect(again.outcome).toBe("QUEUED");
    }
  });

  it("answers other texts with nothing, and refuses forged ones", async () => {
    process.env.TWILIO_AUTH_TOKEN = TEST_AUTH_TOKEN;
    const phone = mobile();
    const res = await inbound(phone, "Please stop sending me texts about the fair");
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect((await inbound(phone, "STOP", "another-accounts-token-000")).status).toBe(403);
    expect(await systemDb.smsOptOut.count({ where: { phone } })).toBe(0);
    expect((await inboundRoute(signed(`${apexOrigin()}${INBOUND_PATH}`, { Body: "STOP" }))).status).toBe(400);
  });
});

describe("a volunteer's phone as a contact", () => {
  it("is used only with their yes, and for alerts only once confirmed", () => {
    const user = { email: "v@example.be" };
    expect(volunteerContact(user, { phone: "+32470111222", smsAlerts: true, phoneVerified: null }).phone).toEqual({ value: "+32470111222", consent: true, verified: false });
    expect(volunteerContact(user, { phone: "+32470111222", smsAlerts: true, phoneVerified: "+32470999999" }).phone?.verified).toBe(false);
    expect(volunteerContact(user, { phone: "+32470111222", smsAlerts: false, phoneVerified: "+32470111222" }).phone).toBeNull();
  });
});
