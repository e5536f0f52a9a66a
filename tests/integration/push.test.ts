import fc from "fast-check";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NotFoundInTenant } from "@/lib/errors";
import { VOLUNTEER_CHANNELS, volunteerContact } from "@/lib/notifications/contacts";
import { notifyAll } from "@/lib/notifications/notify";
import { dispatchPush, MAX_ATTEMPTS } from "@/lib/push/dispatch";
import { pushSubscriptionSchema } from "@/lib/push/schemas";
import { MAX_DEVICES, removePushSubscription, savePushSubscription } from "@/lib/push/subscriptions";
import { updateTownSettings } from "@/lib/settings/town";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { deleteVolunteerProfile, exportVolunteerData } from "@/lib/volunteers/profile";
import { startFakePushService } from "./helpers/fake-push-service";
import { createTown, createUser, createVolunteer } from "./helpers/factories";

const VAPID = webpush.generateVAPIDKeys();
const saved = { ...process.env };
beforeAll(() => {
  process.env.VAPID_PUBLIC_KEY = VAPID.publicKey;
  process.env.VAPID_PRIVATE_KEY = VAPID.privateKey;
  process.env.VAPID_SUBJECT = "mailto:ops@helpt.example";
});
afterAll(() => {
  for (const name of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

let service: Awaited<ReturnType<typeof startFakePushService>> | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

/** A town with `n` volunteers, each with a browser subscribed at the fake push service under /<town>/<i>[-<device>]. */
async function townWithBrowsers(n: number, devices = 1) {
  const { tenant, categories } = await createTown({ name: "Leuven" });
  const volunteers = [];
  for (let i = 0; i < n; i++) {
    const v = await createVolunteer(tenant.id, [categories[0].id], { languages: ["en"] });
    for (let d = 0; d < devices; d++) {
      const b = service!.browser(`/${tenant.slug}/${i}-${d}`);
      await savePushSubscription(tenant, v.user.id, { endpoint: b.endpoint, keys: { p256dh: b.p256dh, auth: b.auth } });
    }
    volunteers.push(v);
  }
  return { tenant, volunteers };
}

async function crisisCall(tenant: { id: string; slug: string }) {
  const admin = await createUser("admin");
  await updateTownSettings(tenant, admin.id, {
    name: "Leuven", primaryColor: "#1d4ed8", phone: "+3216111111", email: undefined, country: "BE", timeZone: "Europe/Brussels", locales: ["nl", "en"], defaultLocale: "nl",
    mode: "CRISIS", responseCap: 3, retentionDays: 30, emailsPerDay: 5, alertBatchActive: 5, alertBatchCrisis: 15, alertWaitMinutes: 30,
  });
}

const pushRecords = (tenantId: string) => systemDb.notification.findMany({ where: { tenantId, channel: "PUSH" }, orderBy: { recipient: "asc" } });
/** Every due row, however many other tests left. */
async function drain(now?: Date) {
  const total = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const r = await dispatchPush({ batch: 50, now });
    if (r.sent + r.retrying + r.failed === 0) return total;
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
  }
}

describe("web push", () => {
  it("sends the crisis call to each subscribed browser, encrypted and VAPID-signed, and records it as sent with its cause", async () => {
    service = await startFakePushService(VAPID.publicKey);
    const { tenant, volunteers } = await townWithBrowsers(2);
    // A volunteer without a browser subscribed is reached by e-mail only.
    const { categories } = { categories: await systemDb.category.findMany({ where: { tenantId: tenant.id } }) };
    await createVolunteer(tenant.id, [categories[0].id]);
    await crisisCall(tenant);

    const records = await pushRecords(tenant.id);
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.outcome === "QUEUED" && r.ref?.startsWith("crisis-call:") && r.delivery === null)).toBe(true);
    expect(new Set(records.map((r) => r.recipient))).toEqual(new Set(volunteers.map((v) => v.profile.id)));

    await drain();
    const mine = service.calls.filter((c) => c.path.startsWith(`/${tenant.slug}/`));
    expect(mine).toHaveLength(2);
    for (const call of mine) {
      expect(call.payload).toEqual({ title: "Leuven Helpt needs you again", body: expect.stringContaining("availability"), url: expect.stringMatching(/\/volunteer$/) });
      expect(Number(call.ttl)).toBeGreaterThan(0);
    }
    expect((await pushRecords(tenant.id)).map((r) => r.delivery)).toEqual(["SENT", "SENT"]);
    expect(await systemDb.outboxPush.count({ where: { tenantId: tenant.id, status: "SENT" } })).toBe(2);
    expect(await systemDb.pushSubscription.count({ where: { tenantId: tenant.id, lastSuccessAt: { not: null } } })).toBe(2);
    // Nothing left: a second run sends nothing again.
    await drain();
    expect(service.calls.filter((c) => c.path.startsWith(`/${tenant.slug}/`))).toHaveLength(2);
  });

  it("forgets a browser the push service no longer knows (410) and records the push as failed", async () => {
    service = await startFakePushService(VAPID.publicKey, () => 410);
    const { tenant } = await townWithBrowsers(1);
    await crisisCall(tenant);
    await drain();
    expect(await systemDb.pushSubscription.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await pushRecords(tenant.id)).map((r) => r.delivery)).toEqual(["FAILED"]);
    expect(await systemDb.outboxPush.findMany({ where: { tenantId: tenant.id }, select: { status: true } })).toEqual([{ status: "FAILED" }]);
  });

  it("retries a push service's 503 later, to the browsers that missed it only, without losing or doubling it", async () => {
    // The first device of each volunteer takes it; the second is unavailable the first time.
    service = await startFakePushService(VAPID.publicKey, (path, n) => (path.endsWith("-1") && n === 1 ? 503 : 201));
    const { tenant } = await townWithBrowsers(2, 2);
    await crisisCall(tenant);
    const first = await drain();
    expect(first.retrying).toBeGreaterThanOrEqual(2);
    const rows = await systemDb.outboxPush.findMany({ where: { tenantId: tenant.id } });
    expect(rows.every((r) => r.status === "PENDING" && r.sentTo.length === 1 && r.nextAttemptAt > new Date())).toBe(true);
    expect((await pushRecords(tenant.id)).map((r) => r.delivery)).toEqual([null, null]);

    await drain(new Date(Date.now() + 2 * 60 * 60 * 1000));
    const mine = service.calls.filter((c) => c.path.startsWith(`/${tenant.slug}/`)).map((c) => c.path).sort();
    // Each device once, and the one that answered 503 once more.
    expect(mine).toEqual([`/${tenant.slug}/0-0`, `/${tenant.slug}/0-1`, `/${tenant.slug}/0-1`, `/${tenant.slug}/1-0`, `/${tenant.slug}/1-1`, `/${tenant.slug}/1-1`]);
    expect((await pushRecords(tenant.id)).map((r) => r.delivery)).toEqual(["SENT", "SENT"]);
  });

  it("gives up after the last attempt and records the failure", async () => {
    service = await startFakePushService(VAPID.publicKey, () => 503);
    const { tenant } = await townWithBrowsers(1);
    await crisisCall(tenant);
    await systemDb.outboxPush.updateMany({ where: { tenantId: tenant.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await drain();
    expect((await pushRecords(tenant.id)).map((r) => r.delivery)).toEqual(["FAILED"]);
    expect(await systemDb.pushSubscription.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("two dispatchers at once never send the same row twice", async () => {
    service = await startFakePushService(VAPID.publicKey);
    const { tenant } = await townWithBrowsers(24);
    await crisisCall(tenant);
    await Promise.all([drain(), drain(), drain()]);
    const paths = service.calls.filter((c) => c.path.startsWith(`/${tenant.slug}/`)).map((c) => c.path);
    expect(paths).toHaveLength(24);
    expect(new Set(paths).size).toBe(24);
    expect((await pushRecords(tenant.id)).every((r) => r.delivery === "SENT")).toBe(true);
  });

  it("queues nothing by push without VAPID keys, and e-mail still goes", async () => {
    service = await startFakePushService(VAPID.publicKey);
    const { tenant } = await townWithBrowsers(1);
    const keys = process.env.VAPID_PRIVATE_KEY;
    delete process.env.VAPID_PRIVATE_KEY;
    try {
      await crisisCall(tenant);
      expect(await dispatchPush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      process.env.VAPID_PRIVATE_KEY = keys;
    }
    expect(await pushRecords(tenant.id)).toEqual([]);
    expect(await systemDb.outboxPush.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await systemDb.outboxEmail.count({ where: { tenantId: tenant.id, template: "crisis-call" } })).toBe(1);
  });

  it("pushes a digest only through notify(): a contact without a subscribed browser has no push address", async () => {
    service = await startFakePushService(VAPID.publicKey);
    const { tenant } = await townWithBrowsers(1);
    const profiles = await systemDb.volunteerProfile.findMany({ where: { tenantId: tenant.id }, select: { ...VOLUNTEER_CHANNELS, user: { select: { email: true } } } });
    expect(volunteerContact(profiles[0].user, profiles[0]).push).toEqual({ value: profiles[0].id, consent: true, verified: true });
    expect(volunteerContact(profiles[0].user, { id: profiles[0].id, pushDevices: [] }).push).toBeNull();
    await forTenant(tenant.id).$transaction((tx) => notifyAll(tx, tenant, [{
      to: volunteerContact(profiles[0].user, profiles[0]), template: "volunteer-digest", kind: "NOTIFICATION", urgent: true, locale: "en",
      data: { items: ["Groceries · Centrum · today"], url: "https://leuven.helpt.be/volunteer" },
    }]));
    await drain();
    expect(service.calls.filter((c) => c.path.startsWith(`/${tenant.slug}/`)).map((c) => c.payload)).toEqual([
      { title: "Leuven Helpt: 1 new request near you", body: "1 request could use your help", url: "https://leuven.helpt.be/volunteer" },
    ]);
  });
});

describe("push subscriptions", () => {
  const subscription = (endpoint: string) => ({ endpoint, keys: { p256dh: "B".padEnd(87, "A"), auth: "A".repeat(22) } });

  it("belong to the volunteer's profile in this town only; another town's volunteer cannot subscribe here", async () => {
    const a = await createTown();
    const b = await createTown();
    const va = await createVolunteer(a.tenant.id, [a.categories[0].id]);
    await expect(savePushSubscription(b.tenant, va.user.id, subscription("https://fcm.googleapis.com/fcm/send/x1"))).rejects.toBeInstanceOf(NotFoundInTenant);
    await savePushSubscription(a.tenant, va.user.id, subscription("https://fcm.googleapis.com/fcm/send/x1"));
    expect(await forTenant(b.tenant.id).pushSubscription.count()).toBe(0);
    expect(await forTenant(a.tenant.id).pushSubscription.count()).toBe(1);
    // "Stop" from another town, or by another person, removes nothing.
    const vb = await createVolunteer(b.tenant.id, [b.categories[0].id]);
    await removePushSubscription(b.tenant, va.user.id, "https://fcm.googleapis.com/fcm/send/x1");
    await removePushSubscription(a.tenant, vb.user.id, "https://fcm.googleapis.com/fcm/send/x1");
    expect(await forTenant(a.tenant.id).pushSubscription.count()).toBe(1);
    await removePushSubscription(a.tenant, va.user.id, "https://fcm.googleapis.com/fcm/send/x1");
    expect(await forTenant(a.tenant.id).pushSubscription.count()).toBe(0);
  });

  it("keeps the newest few browsers per volunteer, and goes with the profile when it is erased", async () => {
    const { tenant, categories } = await createTown();
    const v = await createVolunteer(tenant.id, [categories[0].id]);
    for (let i = 0; i < MAX_DEVICES + 2; i++) await savePushSubscription(tenant, v.user.id, subscription(`https://updates.push.services.mozilla.com/wpush/v2/d${i}`));
    const kept = await forTenant(tenant.id).pushSubscription.findMany({ select: { endpoint: true } });
    expect(kept).toHaveLength(MAX_DEVICES);
    expect(kept.map((s) => s.endpoint)).not.toContain("https://updates.push.services.mozilla.com/wpush/v2/d0");
    // The volunteer's download names their browsers; erasing the profile takes them, pending pushes and the record of pushes along.
    expect((await exportVolunteerData(tenant, v.user.id)).profile.pushDevices).toHaveLength(MAX_DEVICES);
    const profile = await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: tenant.id }, select: { ...VOLUNTEER_CHANNELS, user: { select: { email: true } } } });
    await forTenant(tenant.id).$transaction((tx) => notifyAll(tx, tenant, [{ to: volunteerContact(profile.user, profile), template: "crisis-call", locale: "nl", data: { url: "https://x.helpt.be/volunteer" }, ref: "crisis-call:2026-12-01T00:00:00.000Z" }]));
    expect(await systemDb.notification.count({ where: { tenantId: tenant.id, recipient: profile.id } })).toBe(1);
    await deleteVolunteerProfile(tenant, v.user.id);
    expect(await systemDb.pushSubscription.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await systemDb.outboxPush.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await systemDb.notification.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("accepts only a known push service's https endpoint with well-formed keys", () => {
    expect(pushSubscriptionSchema.safeParse(subscription("https://fcm.googleapis.com/fcm/send/abc")).success).toBe(true);
    expect(pushSubscriptionSchema.safeParse(subscription("https://wns2-db5p.notify.windows.com/w/?token=x")).success).toBe(true);
    for (const endpoint of ["http://fcm.googleapis.com/fcm/send/abc", "https://127.0.0.1/x", "https://fcm.googleapis.com:8443/x", "https://evil.example/fcm.googleapis.com",
      "https://fcm.googleapis.com.evil.example/x", "https://user:pw@fcm.googleapis.com/x", "https://localhost/x", "file:///etc/passwd", ""]) {
      expect(pushSubscriptionSchema.safeParse(subscription(endpoint)).success, endpoint).toBe(false);
    }
    fc.assert(fc.property(fc.anything(), (value) => {
      const parsed = pushSubscriptionSchema.safeParse(value);
      return !parsed.success || new URL(parsed.data.endpoint).protocol === "https:";
    }), { numRuns: 300 });
  });
});
