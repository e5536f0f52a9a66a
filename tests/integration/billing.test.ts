import fc from "fast-check";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { prisma } from "@/lib/db/client";
import { BillingUnavailable, openCustomerPortal, startSubscription, startTrialWithoutPayment } from "@/lib/billing/checkout";
import { annualPriceCents } from "@/lib/billing/plans";
import { DAY_MS } from "@/lib/dates/durations";
import { expireUnpaidTrials, sendTrialNotices, suspendAfterGrace } from "@/lib/billing/transitions";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { hostileValue } from "@/tests/hostile/values";
import { fakeId, signedEvent, startFakeStripe, WEBHOOK_SECRET, type FakeSubscription } from "./helpers/fake-stripe";
import { createTown, createUser } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";
import { BILLING_SUSPENSION_REASON } from "@/lib/tenancy/suspension";

let fake: Awaited<ReturnType<typeof startFakeStripe>> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});
const stripe = async () => (fake = await startFakeStripe());

async function townWithAdmin(overrides: Parameters<typeof createTown>[0] = {}) {
  const { tenant } = await createTown({ population: 10_000, ...overrides });
  const admin = await createUser("admin");
  await systemDb.membership.create({ data: { tenantId: tenant.id, userId: admin.id, role: "ADMIN" } });
  const volunteer = await createUser("vol");
  await systemDb.membership.create({ data: { tenantId: tenant.id, userId: volunteer.id, role: "VOLUNTEER" } });
  return { tenant, admin };
}

const reload = (id: string) => prisma.tenant.findUniqueOrThrow({ where: { id } });
const mails = (tenantId: string, template: string) => systemDb.outboxEmail.findMany({ where: { tenantId, template } });
const deliver = ({ payload, signature }: { payload: string; signature: string }) => handleStripeWebhook(payload, signature);

const subscriptionEvent = (type: string, s: FakeSubscription, id?: string) =>
  signedEvent(type, { id: s.id, object: "subscription", status: s.status, customer: s.customer, metadata: { tenantId: s.tenantId } }, { id });
const invoiceEvent = (type: string, s: FakeSubscription, id?: string) =>
  signedEvent(type, {
    id: fakeId("in"), object: "invoice", customer: s.customer,
    parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: s.id, metadata: {} } },
  }, { id });

describe("plans", () => {
  it("prices the paid plan at 12 cents per resident per year", () => {
    expect(annualPriceCents(10_000)).toBe(120_000);
    expect(() => annualPriceCents(0)).toThrow(RangeError);
  });
});

describe("checkout", () => {
  it("creates the customer once and a yearly subscription session priced per resident with a 30-day trial", async () => {
    const f = await stripe();
    const { tenant } = await createTown({ population: 12_345 });
    const options = { successUrl: "http://t.localhost:3000/ok", cancelUrl: "http://t.localhost:3000/no", customerEmail: "Mayor@example.be" };
    const url = await startSubscription(tenant, options);
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

    const [customer, session] = f.calls;
    expect(customer).toMatchObject({ method: "POST", path: "/v1/customers", params: { email: "Mayor@example.be", name: tenant.name, "metadata[tenantId]": tenant.id } });
    const { stripeCustomerId } = await reload(tenant.id);
    expect(stripeCustomerId).toMatch(/^cus_/);
    expect(session).toMatchObject({
      method: "POST", path: "/v1/checkout/sessions",
      params: {
        mode: "subscription", customer: stripeCustomerId!, client_reference_id: tenant.id, "metadata[tenantId]": tenant.id,
        "line_items[0][quantity]": "12345",
        "line_items[0][price_data][currency]": "eur",
        "line_items[0][price_data][unit_amount]": "12",
        "line_items[0][price_data][recurring][interval]": "year",
        "line_items[0][price_data][product_data][name]": `Helpt — ${tenant.name}`,
        "subscription_data[trial_period_days]": "30",
        "subscription_data[metadata][tenantId]": tenant.id,
        success_url: options.successUrl, cancel_url: options.cancelUrl,
      },
    });

    await startSubscription(tenant, options);
    expect(f.calls.map((c) => c.path)).toEqual(["/v1/customers", "/v1/checkout/sessions", "/v1/checkout/sessions"]);
    expect(f.calls[2].params.customer).toBe(stripeCustomerId);
  });

  it("throws BillingUnavailable when Stripe errors, is unreachable or is not configured", async () => {
    const f = await stripe();
    const { tenant } = await createTown({ population: 5000 });
    const options = { successUrl: "http://x.localhost/ok", cancelUrl: "http://x.localhost/no", customerEmail: "a@example.be" };

    f.state.failWith = 500;
    await expect(startSubscription(tenant, options)).rejects.toBeInstanceOf(BillingUnavailable);
    expect((await reload(tenant.id)).stripeCustomerId).toBeNull();

    f.state.failWith = 0;
    await f.close();
    await expect(startSubscription(tenant, options)).rejects.toBeInstanceOf(BillingUnavailable);

    await f.stop();
    await expect(startSubscription(tenant, options)).rejects.toBeInstanceOf(BillingUnavailable);
  });

  it("starts a trial without payment once, and a later checkout keeps only what is left of it", async () => {
    const { tenant } = await createTown({ population: 5000 });
    const now = new Date();
    const trialEndsAt = await startTrialWithoutPayment(tenant, now);
    expect(trialEndsAt?.getTime()).toBe(now.getTime() + 30 * DAY_MS);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "TRIALING", trialEndsAt });
    expect(await startTrialWithoutPayment(tenant)).toBeNull();

    const f = await stripe();
    await startSubscription(tenant, { successUrl: "http://x.localhost/ok", cancelUrl: "http://x.localhost/no", customerEmail: "a@example.be" });
    const params = f.calls.find((c) => c.path === "/v1/checkout/sessions")!.params;
    expect(params["subscription_data[trial_period_days]"]).toBeUndefined();
    expect(params["subscription_data[trial_end]"]).toBe(String(Math.floor(trialEndsAt!.getTime() / 1000)));
  });

  it("opens the customer portal for the town's customer", async () => {
    const f = await stripe();
    const { tenant } = await createTown({ stripeCustomerId: fakeId("cus") });
    const url = await openCustomerPortal(tenant, "http://x.localhost/settings/billing");
    expect(url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(f.calls[0]).toMatchObject({ path: "/v1/billing_portal/sessions", params: { customer: tenant.stripeCustomerId!, return_url: "http://x.localhost/settings/billing" } });
  });
});

describe("webhook", () => {
  it("rejects a missing or bad signature with 400 and changes nothing", async () => {
    await stripe();
    const { tenant } = await townWithAdmin();
    const s: FakeSubscription = { id: fakeId("sub"), status: "active", customer: fakeId("cus"), tenantId: tenant.id };
    fake!.setSubscription(s);
    const good = subscriptionEvent("customer.subscription.updated", s);
    const forged = signedEvent("customer.subscription.updated", JSON.parse(good.payload).data.object, { id: JSON.parse(good.payload).id, secret: "whsec_wrong" });

    expect((await handleStripeWebhook(good.payload, null)).status).toBe(400);
    expect((await handleStripeWebhook(good.payload, "t=1,v1=deadbeef")).status).toBe(400);
    expect((await deliver(forged)).status).toBe(400);
    expect((await handleStripeWebhook(good.payload.replace('"active"', '"canceled"'), good.signature)).status).toBe(400);

    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "NONE", plan: "FREE", stripeSubscriptionId: null });
    expect(await systemDb.stripeEvent.findUnique({ where: { id: JSON.parse(good.payload).id } })).toBeNull();
    expect(fake!.calls).toEqual([]);
  });

  it("answers validly signed events of the wrong shape (no data, a null object, an object as id) with 400, never a throw", async () => {
    await stripe();
    const { tenant } = await townWithAdmin();
    const sign = (event: unknown) => {
      const payload = JSON.stringify(event);
      return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
    };
    const TYPES = ["customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed", "checkout.session.completed", "customer.created"];
    const id = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({}), fc.constant({ id: { id: "sub_x" } }), fc.constant([]), fc.constantFrom("", "a\u0000b", "x".repeat(300), "sub_ok"), hostileValue);
    const object = fc.record({
      id, customer: id, subscription: id, client_reference_id: id,
      metadata: fc.oneof(fc.constant(null), id, fc.record({ tenantId: id })),
      parent: fc.oneof(fc.constant(null), id, fc.record({ subscription_details: fc.oneof(id, fc.record({ subscription: id, metadata: fc.record({ tenantId: id }) })) })),
    }, { requiredKeys: [] });
    const event = fc.record({
      id: fc.oneof(id, fc.constant(fakeId("evt"))), type: fc.oneof(fc.constantFrom(...TYPES), id),
      data: fc.oneof(fc.constant(undefined), fc.constant(null), id, fc.record({ object: fc.oneof(fc.constant(null), id, object) }, { requiredKeys: [] })),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(event, async (e) => {
      const { status } = await deliver(sign(e));
      expect([200, 400], JSON.stringify(e)).toContain(status);
    }), { numRuns: 200, seed: 12_2026 });
    for (const data of [undefined, { object: null }, { object: { id: { id: "sub_x" }, metadata: { tenantId: tenant.id } } }]) {
      const e = { id: fakeId("evt"), type: "customer.subscription.updated", data };
      expect((await deliver(sign(e))).status, JSON.stringify(data)).toBe(400);
      expect(await systemDb.stripeEvent.findUnique({ where: { id: e.id } })).toBeNull();
    }
    expect((await deliver(sign({ id: { evil: true }, type: "customer.created", data: { object: {} } }))).status).toBe(400);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "NONE", stripeSubscriptionId: null });
    expect(fake!.calls).toEqual([]);
  });

  it("follows a subscription from trial to paid, overdue, suspended, reactivated and cancelled", async () => {
    const f = await stripe();
    const { tenant, admin } = await townWithAdmin();
    const trialEnd = new Date(Date.now() + 30 * DAY_MS);
    const s: FakeSubscription = { id: fakeId("sub"), status: "trialing", customer: fakeId("cus"), tenantId: tenant.id, trialEnd, periodEnd: trialEnd };

    // Checkout completed: found through the session's metadata.
    f.setSubscription(s);
    const completed = signedEvent("checkout.session.completed", {
      id: fakeId("cs"), object: "checkout.session", mode: "subscription", subscription: s.id, customer: s.customer,
      client_reference_id: tenant.id, metadata: { tenantId: tenant.id },
    });
    expect(await deliver(completed)).toMatchObject({ status: 200 });
    expect(await reload(tenant.id)).toMatchObject({
      billingStatus: "TRIALING", stripeSubscriptionId: s.id, stripeCustomerId: s.customer,
      trialEndsAt: new Date(Math.floor(trialEnd.getTime() / 1000) * 1000), currentPeriodEnd: new Date(Math.floor(trialEnd.getTime() / 1000) * 1000),
    });
    expect(f.calls.at(-1)).toMatchObject({ method: "GET", path: `/v1/subscriptions/${s.id}` });

    // Paid: found through the stored subscription id.
    const periodEnd = new Date(Date.now() + 365 * DAY_MS);
    f.setSubscription({ ...s, status: "active", periodEnd });
    expect((await deliver(invoiceEvent("invoice.paid", s))).status).toBe(200);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "ACTIVE", plan: "PAID", graceEndsAt: null, currentPeriodEnd: new Date(Math.floor(periodEnd.getTime() / 1000) * 1000) });

    // Payment failed: grace period and one e-mail to the admin (not to the volunteer), even when replayed.
    f.setSubscription({ ...s, status: "past_due", periodEnd });
    const failed = invoiceEvent("invoice.payment_failed", s);
    const before = Date.now();
    expect(await deliver(failed)).toMatchObject({ status: 200 });
    const overdue = await reload(tenant.id);
    expect(overdue.billingStatus).toBe("PAST_DUE");
    expect(overdue.graceEndsAt!.getTime()).toBeGreaterThanOrEqual(before + 14 * DAY_MS);
    expect(overdue.graceEndsAt!.getTime()).toBeLessThanOrEqual(Date.now() + 14 * DAY_MS);
    expect(await deliver(failed)).toEqual({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) });
    expect((await deliver(subscriptionEvent("customer.subscription.updated", { ...s, status: "past_due" }))).status).toBe(200);
    expect((await reload(tenant.id)).graceEndsAt).toEqual(overdue.graceEndsAt);
    const failedMails = await mails(tenant.id, "payment-failed");
    expect(failedMails).toHaveLength(1);
    expect(failedMails[0]).toMatchObject({ to: admin.email, locale: "nl", data: { url: `http://${tenant.slug}.localhost:3000/settings/billing` } });
    expect(await systemDb.stripeEvent.count({ where: { id: JSON.parse(failed.payload).id } })).toBe(1);

    // Still within the grace period: nothing happens.
    expect(await suspendAfterGrace(new Date(Date.now() + 13 * DAY_MS))).toBe(0);
    expect((await reload(tenant.id)).status).toBe("ACTIVE");

    // Grace over: suspended, once.
    const later = new Date(overdue.graceEndsAt!.getTime() + 1000);
    expect(await suspendAfterGrace(later)).toBeGreaterThanOrEqual(1);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "SUSPENDED", status: "SUSPENDED", suspendedReason: BILLING_SUSPENSION_REASON });
    await suspendAfterGrace(later);
    expect(await mails(tenant.id, "suspended")).toHaveLength(1);
    // Stripe retrying the payment meanwhile does not bring back the grace period or another mail.
    expect((await deliver(invoiceEvent("invoice.payment_failed", s))).status).toBe(200);
    expect((await reload(tenant.id)).billingStatus).toBe("SUSPENDED");
    expect(await mails(tenant.id, "payment-failed")).toHaveLength(1);

    // Paid at last: reactivated.
    f.setSubscription({ ...s, status: "active", periodEnd });
    expect((await deliver(invoiceEvent("invoice.paid", s))).status).toBe(200);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "ACTIVE", plan: "PAID", status: "ACTIVE", suspendedReason: null, graceEndsAt: null });

    // Cancelled: back to the free plan.
    f.setSubscription({ ...s, status: "canceled", periodEnd });
    expect((await deliver(subscriptionEvent("customer.subscription.deleted", { ...s, status: "canceled" }))).status).toBe(200);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "CANCELLED", plan: "FREE", status: "ACTIVE" });
  });

  it("applies Stripe's current state, not an older event's", async () => {
    const f = await stripe();
    const { tenant } = await townWithAdmin({ stripeCustomerId: fakeId("cus") });
    const s: FakeSubscription = { id: fakeId("sub"), status: "active", customer: tenant.stripeCustomerId!, tenantId: tenant.id };
    f.setSubscription(s);
    expect((await deliver(subscriptionEvent("customer.subscription.updated", s))).status).toBe(200);
    expect((await reload(tenant.id)).billingStatus).toBe("ACTIVE");

    // The "created" event (still trialing) arrives last; the tenant is found through its customer id.
    const stale = signedEvent("customer.subscription.created", { id: s.id, object: "subscription", status: "trialing", customer: s.customer, metadata: {} });
    expect((await deliver(stale)).status).toBe(200);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "ACTIVE", plan: "PAID", stripeSubscriptionId: s.id });
  });

  it("ignores a late cancellation of a subscription the town has replaced", async () => {
    const f = await stripe();
    const { tenant } = await townWithAdmin();
    const old: FakeSubscription = { id: fakeId("sub"), status: "canceled", customer: fakeId("cus"), tenantId: tenant.id };
    const current: FakeSubscription = { ...old, id: fakeId("sub"), status: "active" };
    f.setSubscription(old);
    f.setSubscription(current);
    await deliver(subscriptionEvent("customer.subscription.created", current));
    expect((await deliver(subscriptionEvent("customer.subscription.deleted", old))).status).toBe(200);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "ACTIVE", stripeSubscriptionId: current.id });
  });

  it("answers 503 without recording the event while Stripe is down, and applies it when redelivered", async () => {
    const f = await stripe();
    const { tenant } = await townWithAdmin();
    const s: FakeSubscription = { id: fakeId("sub"), status: "active", customer: fakeId("cus"), tenantId: tenant.id };
    f.setSubscription(s);
    const event = subscriptionEvent("customer.subscription.updated", s);
    f.state.failWith = 500;
    expect((await deliver(event)).status).toBe(503);
    expect(await systemDb.stripeEvent.findUnique({ where: { id: JSON.parse(event.payload).id } })).toBeNull();
    expect((await reload(tenant.id)).billingStatus).toBe("NONE");

    f.state.failWith = 0;
    expect((await deliver(event)).status).toBe(200);
    expect((await reload(tenant.id)).billingStatus).toBe("ACTIVE");
  });

  it("processes concurrent deliveries of one event once", async () => {
    const f = await stripe();
    const customer = fakeId("cus");
    const { tenant } = await townWithAdmin({ billingStatus: "ACTIVE", plan: "PAID", stripeCustomerId: customer });
    const s: FakeSubscription = { id: fakeId("sub"), status: "past_due", customer, tenantId: tenant.id };
    f.setSubscription(s);
    const event = invoiceEvent("invoice.payment_failed", s);
    const results = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await mails(tenant.id, "payment-failed")).toHaveLength(1);
    expect(await systemDb.stripeEvent.count({ where: { id: JSON.parse(event.payload).id } })).toBe(1);
    expect(f.calls.filter((c) => c.method === "GET")).toHaveLength(1);
  });

  it("any order, each event delivered once or twice, one after another or at once: one effect, Stripe's current state", async () => {
    const f = await stripe();
    // A subscription's history at Stripe; where it ended up differs per run.
    const history = (s: FakeSubscription) => [
      subscriptionEvent("customer.subscription.created", { ...s, status: "trialing" }),
      subscriptionEvent("customer.subscription.updated", { ...s, status: "active" }),
      invoiceEvent("invoice.paid", s),
      invoiceEvent("invoice.payment_failed", s),
      subscriptionEvent("customer.subscription.updated", { ...s, status: "past_due" }),
    ];
    const deliveries = fc
      .record({ final: fc.constantFrom("past_due", "active"), copies: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 5, maxLength: 5 }) })
      .chain(({ final, copies }) => {
        const all = copies.flatMap((n, event) => Array<number>(n).fill(event));
        return fc.record({ final: fc.constant(final), order: fc.shuffledSubarray(all, { minLength: all.length }), pairwise: fc.boolean() });
      });

    await fc.assert(
      fc.asyncProperty(deliveries, async ({ final, order, pairwise }) => {
        const { tenant } = await townWithAdmin();
        const s: FakeSubscription = { id: fakeId("sub"), status: final, customer: fakeId("cus"), tenantId: tenant.id };
        f.setSubscription(s);
        const events = history(s);
        const replies = [];
        // Two deliveries at a time when `pairwise` (Stripe retries while the first is still running), else one by one.
        for (let i = 0; i < order.length; i += pairwise ? 2 : 1) {
          replies.push(...(await Promise.all(order.slice(i, i + (pairwise ? 2 : 1)).map((e) => deliver(events[e])))));
        }
        expect(replies.map((r) => r.status)).toEqual(order.map(() => 200));
        expect(replies.filter((r) => !JSON.parse(r.body).duplicate)).toHaveLength(events.length);
        expect(await systemDb.stripeEvent.count({ where: { id: { in: events.map((e) => JSON.parse(e.payload).id) } } })).toBe(events.length);
        // A replay never reaches Stripe; an invoice that beats the town's first event is only recorded.
        expect(f.calls.filter((c) => c.path === `/v1/subscriptions/${s.id}`).length).toBeLessThanOrEqual(events.length);
        expect((await reload(tenant.id)).billingStatus).toBe(final === "active" ? "ACTIVE" : "PAST_DUE");
        expect(await mails(tenant.id, "payment-failed")).toHaveLength(final === "active" ? 0 : 1);
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it("records unknown event types and answers 200", async () => {
    await stripe();
    const event = signedEvent("customer.created", { id: fakeId("cus"), object: "customer" });
    expect((await deliver(event)).status).toBe(200);
    expect(await systemDb.stripeEvent.findUnique({ where: { id: JSON.parse(event.payload).id } })).toMatchObject({ type: "customer.created", tenantId: null });
    expect(fake!.calls).toEqual([]);
  });

  it("never lifts a suspension that billing did not impose", async () => {
    const f = await stripe();
    const { tenant } = await townWithAdmin({ status: "SUSPENDED", suspendedReason: "Under review", billingStatus: "PAST_DUE", graceEndsAt: new Date(Date.now() - 1000) });
    await suspendAfterGrace();
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "SUSPENDED", status: "SUSPENDED", suspendedReason: "Under review" });
    const s: FakeSubscription = { id: fakeId("sub"), status: "active", customer: fakeId("cus"), tenantId: tenant.id };
    f.setSubscription(s);
    await deliver(subscriptionEvent("customer.subscription.updated", s));
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "ACTIVE", status: "SUSPENDED", suspendedReason: "Under review" });
  });

  it("route: 404 while billing is off, the handler's answer otherwise", async () => {
    const request = (signature?: string) =>
      new Request("http://localhost/api/stripe/webhook", { method: "POST", body: "{}", headers: signature ? { "stripe-signature": signature } : {} });
    expect((await POST(request("t=1,v1=x"))).status).toBe(404);
    await stripe();
    const response = await POST(request("t=1,v1=x"));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
  });
});

describe("daily transitions", () => {
  it("sends the trial notice once even with two workers", async () => {
    const now = new Date();
    const { tenant, admin } = await townWithAdmin({ billingStatus: "TRIALING", trialEndsAt: new Date(now.getTime() + 2.5 * DAY_MS) });
    const { tenant: early } = await townWithAdmin({ billingStatus: "TRIALING", trialEndsAt: new Date(now.getTime() + 10 * DAY_MS) });

    await Promise.all([sendTrialNotices(now), sendTrialNotices(now)]);
    await sendTrialNotices(now);
    const sent = await mails(tenant.id, "trial-ending");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: admin.email, data: { days: 3, url: `http://${tenant.slug}.localhost:3000/settings/billing` } });
    expect((await reload(tenant.id)).trialNoticeSentAt).toEqual(now);
    expect(await mails(early.id, "trial-ending")).toHaveLength(0);
  });

  it("suspends an overdue town once even with two workers", async () => {
    const { tenant } = await townWithAdmin({ billingStatus: "PAST_DUE", graceEndsAt: new Date(Date.now() - 1000) });
    await Promise.all([suspendAfterGrace(), suspendAfterGrace()]);
    expect(await reload(tenant.id)).toMatchObject({ billingStatus: "SUSPENDED", status: "SUSPENDED", suspendedReason: BILLING_SUSPENSION_REASON });
    const sent = await mails(tenant.id, "suspended");
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ reason: BILLING_SUSPENSION_REASON });
  });

  it("ends a trial started without payment: past due with a grace period, once", async () => {
    const now = new Date();
    const { tenant } = await townWithAdmin({ billingStatus: "TRIALING", trialEndsAt: new Date(now.getTime() - 1000) });
    const { tenant: subscribed } = await townWithAdmin({ billingStatus: "TRIALING", trialEndsAt: new Date(now.getTime() - 1000), stripeSubscriptionId: `sub_${tenant.slug}` });
    await Promise.all([expireUnpaidTrials(now), expireUnpaidTrials(now)]);
    const after = await reload(tenant.id);
    expect(after.billingStatus).toBe("PAST_DUE");
    expect(after.graceEndsAt!.getTime() - now.getTime()).toBe(14 * DAY_MS);
    expect(await mails(tenant.id, "payment-failed")).toHaveLength(1);
    expect((await reload(subscribed.id)).billingStatus).toBe("TRIALING"); // Stripe drives subscribed towns
  });
});
