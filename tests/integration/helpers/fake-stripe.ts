import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import Stripe from "stripe";

export type FakeStripeCall = { method: string; path: string; params: Record<string, string> };
export type FakeSubscription = {
  id: string;
  status: string;
  customer: string;
  tenantId?: string;
  trialEnd?: Date | null;
  periodEnd?: Date;
};

export const WEBHOOK_SECRET = "whsec_test";
const unix = (d: Date) => Math.floor(d.getTime() / 1000);
export const fakeId = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

/** The JSON Stripe returns for a subscription (API 2025-03-31 and later: the period is on the items). */
export function subscriptionJson(s: FakeSubscription) {
  const periodEnd = s.periodEnd ?? new Date(Date.now() + 365 * 86_400_000);
  return {
    id: s.id, object: "subscription", status: s.status, customer: s.customer,
    metadata: s.tenantId ? { tenantId: s.tenantId } : {},
    trial_end: s.trialEnd ? unix(s.trialEnd) : null,
    items: {
      object: "list", has_more: false, url: `/v1/subscription_items?subscription=${s.id}`,
      data: [{ id: `si_${s.id}`, object: "subscription_item", quantity: 1, current_period_start: unix(new Date()), current_period_end: unix(periodEnd) }],
    },
  };
}

/**
 * A local HTTP server speaking the few Stripe endpoints Helpt uses. Stripe's
 * SDK sends form-encoded bodies; each call is kept with its flattened
 * parameters (`line_items[0][quantity]`). Sets STRIPE_* so the app's own
 * client talks to it; `failWith` makes every call answer with that status.
 */
export async function startFakeStripe() {
  const calls: FakeStripeCall[] = [];
  const subscriptions = new Map<string, ReturnType<typeof subscriptionJson>>();
  const state = { failWith: 0 };
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const params = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : body));
      calls.push({ method: req.method ?? "", path: url.pathname, params });
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${++n}` }).end(JSON.stringify(json));
      const error = (status: number, message: string, type = "api_error") => send(status, { error: { type, message } });
      if (state.failWith) return error(state.failWith, "Stripe is having a bad day");

      const subscription = url.pathname.match(/^\/v1\/subscriptions\/([^/]+)$/);
      if (req.method === "POST" && url.pathname === "/v1/customers") {
        return send(200, { id: fakeId("cus"), object: "customer", email: params.email ?? null, name: params.name ?? null, metadata: {} });
      }
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const id = fakeId("cs_test");
        return send(200, { id, object: "checkout.session", mode: params.mode, customer: params.customer, url: `https://checkout.stripe.test/c/pay/${id}` });
      }
      if (req.method === "POST" && url.pathname === "/v1/billing_portal/sessions") {
        const id = fakeId("bps");
        return send(200, { id, object: "billing_portal.session", customer: params.customer, return_url: params.return_url, url: `https://billing.stripe.test/p/session/${id}` });
      }
      if (req.method === "GET" && subscription) {
        const found = subscriptions.get(subscription[1]);
        return found ? send(200, found) : error(404, `No such subscription: '${subscription[1]}'`, "invalid_request_error");
      }
      return error(404, `Unrecognized request URL (${req.method}: ${url.pathname})`, "invalid_request_error");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  process.env.STRIPE_SECRET_KEY = "sk_test_x";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return {
    calls,
    state,
    /** Stripe's current state of a subscription, as GET /v1/subscriptions/:id returns it. */
    setSubscription(s: FakeSubscription) {
      subscriptions.set(s.id, subscriptionJson(s));
    },
    /** Stops answering, as if Stripe were unreachable; the configuration stays. */
    close,
    async stop() {
      await close();
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      delete process.env.STRIPE_API_URL;
    },
  };
}

/** A webhook delivery: the event's JSON and the header Stripe would sign it with. */
export function signedEvent(type: string, object: Record<string, unknown>, options: { id?: string; secret?: string } = {}) {
  const payload = JSON.stringify({
    id: options.id ?? fakeId("evt"), object: "event", type, api_version: Stripe.API_VERSION,
    created: unix(new Date()), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null },
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET });
  return { payload, signature };
}
