import Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma, type Tenant } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { invalidateTenant } from "@/lib/tenancy/resolve";
import { stripeEventSchema, subscriptionRefSchema } from "./event-schema";
import { billingUrl, emailAdmins } from "./notify";
import { GRACE_DAYS } from "./plans";
import { stripeClient } from "./stripe";
import { systemDb } from "@/lib/tenancy/system";
import { DAY_MS } from "@/lib/dates/durations";
import { BILLING_SUSPENSION_REASON } from "@/lib/tenancy/suspension";

export type WebhookResult = { status: number; body: string };

const reply = (status: number, body: Record<string, unknown>): WebhookResult => ({ status, body: JSON.stringify(body) });
const idOf = (x: string | { id: string } | null | undefined) => (typeof x === "string" ? x : x?.id);

type SubscriptionRef = { subscriptionId: string; tenantId?: string; customerId?: string };

/** The subscription an event is about, with what identifies its town; null for events we only record. */
function subscriptionRef(event: Stripe.Event): SubscriptionRef | null {
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const sub = event.data.object;
      return { subscriptionId: sub.id, tenantId: sub.metadata?.tenantId, customerId: idOf(sub.customer) };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const details = invoice.parent?.subscription_details;
      const subscriptionId = idOf(details?.subscription);
      return subscriptionId ? { subscriptionId, tenantId: details?.metadata?.tenantId, customerId: idOf(invoice.customer) } : null;
    }
    case "checkout.session.completed": {
      const session = event.data.object;
      const subscriptionId = idOf(session.subscription);
      const tenantId = session.metadata?.tenantId ?? session.client_reference_id ?? undefined;
      return subscriptionId ? { subscriptionId, tenantId, customerId: idOf(session.customer) } : null;
    }
    default:
      return null;
  }
}

async function findTenantId(ref: SubscriptionRef): Promise<string | null> {
  const candidates: (Prisma.TenantWhereUniqueInput | null)[] = [
    ref.tenantId ? { id: ref.tenantId } : null,
    { stripeSubscriptionId: ref.subscriptionId },
    ref.customerId ? { stripeCustomerId: ref.customerId } : null,
  ];
  for (const where of candidates) {
    const tenant = where && (await prisma.tenant.findUnique({ where, select: { id: true } }));
    if (tenant) return tenant.id;
  }
  return null;
}

type Tx = Pick<TenantDb, "tenant" | "membership" | "outboxEmail" | "outboxPush" | "notification" | "$executeRaw">;
const ENDED = new Set(["canceled", "incomplete_expired"]);

/** Brings the town's billing state in line with the subscription's current state in Stripe. */
async function applySubscription(tx: Tx, tenant: Tenant, sub: Stripe.Subscription, now: Date): Promise<void> {
  // A late event about a replaced, ended subscription must not undo the current one.
  if (tenant.stripeSubscriptionId && tenant.stripeSubscriptionId !== sub.id && ENDED.has(sub.status)) return;
  // Since API version 2025-03-31 the billing period lives on the subscription items.
  const periodEnd = sub.items.data[0]?.current_period_end;
  const data: Prisma.TenantUpdateInput = {
    stripeSubscriptionId: sub.id,
    stripeCustomerId: tenant.stripeCustomerId ?? idOf(sub.customer),
    currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
    ...(sub.trial_end && { trialEndsAt: new Date(sub.trial_end * 1000) }),
  };
  let paymentFailed = false;
  let paid = false;
  switch (sub.status) {
    case "trialing":
      Object.assign(data, { billingStatus: "TRIALING", graceEndsAt: null });
      paid = true;
      break;
    case "active":
      Object.assign(data, { billingStatus: "ACTIVE", plan: "PAID", graceEndsAt: null });
      paid = true;
      break;
    case "past_due":
    case "unpaid":
      // Once suspended after the grace period, a town stays suspended until it pays.
      if (tenant.billingStatus !== "SUSPENDED") {
        Object.assign(data, { billingStatus: "PAST_DUE", graceEndsAt: tenant.graceEndsAt ?? new Date(now.getTime() + GRACE_DAYS * DAY_MS) });
        paymentFailed = tenant.billingStatus !== "PAST_DUE";
      }
      break;
    case "canceled":
    case "incomplete_expired":
      Object.assign(data, { billingStatus: "CANCELLED", plan: "FREE", graceEndsAt: null });
      break;
    // incomplete, paused: nothing to change until Stripe settles them.
  }
  await tx.tenant.update({ where: { id: tenant.id }, data });
  if (paid) {
    // Lift a suspension only if billing caused it, never one a platform admin imposed.
    await tx.tenant.updateMany({
      where: { id: tenant.id, status: "SUSPENDED", suspendedReason: BILLING_SUSPENSION_REASON },
      data: { status: "ACTIVE", suspendedReason: null },
    });
  }
  if (paymentFailed) await emailAdmins(tx, tenant, "payment-failed", { url: billingUrl(tenant.slug) });
}

/** Records an event that changes nothing; a concurrent delivery of the same event may have recorded it first. */
async function record(event: Stripe.Event): Promise<WebhookResult> {
  try {
    await systemDb.stripeEvent.create({ data: { id: event.id, type: event.type } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return reply(200, { received: true, duplicate: true });
  }
  return reply(200, { received: true });
}

/** How far a signature's timestamp may be from our clock, either way (Stripe's default). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signed timestamp of a Stripe-Signature header (the last `t=`, as Stripe reads it). */
function signedAt(header: string): number {
  const stamps = header.split(",").filter((item) => item.startsWith("t=")).map((item) => Number(item.slice(2)));
  return stamps.at(-1) ?? Number.NaN;
}

/**
 * Handles one Stripe webhook delivery. The signature is checked before
 * anything else. Each event takes effect at most once: its StripeEvent row is
 * written in the same transaction as its effect. Events may arrive late or
 * out of order, so subscription events are not applied from their payload:
 * the subscription's current state is fetched from Stripe, under a lock on
 * the town, and applied. A 503 makes Stripe deliver the event again later.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null, now = new Date()): Promise<WebhookResult> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!signature || !secret) return reply(400, { error: "missing signature" });
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, now.getTime());
  } catch {
    return reply(400, { error: "invalid signature" });
  }
  // Stripe's check bounds the age of a signature, not its future: a signed
  // timestamp ahead of our clock by more than the tolerance is no better.
  if (signedAt(signature) > now.getTime() / 1000 + SIGNATURE_TOLERANCE_SECONDS) return reply(400, { error: "invalid signature" });

  if (!stripeEventSchema.safeParse(event).success) return reply(400, { error: "malformed event" });
  if (await systemDb.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return reply(200, { received: true, duplicate: true });
  const found = subscriptionRef(event);
  const parsed = found && subscriptionRefSchema.safeParse(found);
  if (parsed && !parsed.success) return reply(400, { error: "malformed event" });
  const ref = parsed ? parsed.data : null;
  const tenantId = ref && (await findTenantId(ref));
  if (!ref || !tenantId) return record(event);

  try {
    const slug = await forTenant(tenantId).$transaction(
      async (tx) => {
        // Serialises deliveries for one town, so the last to commit applied the newest state.
        await tx.$executeRaw`SELECT 1 FROM "Tenant" WHERE id = ${tenantId} FOR UPDATE`;
        if (await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return null;
        const subscription = await stripeClient().subscriptions.retrieve(ref.subscriptionId);
        const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } });
        await applySubscription(tx, tenant, subscription, now);
        await tx.stripeEvent.create({ data: { id: event.id, type: event.type, tenantId } });
        return tenant.slug;
      },
      // Room for the Stripe call (timeout and one retry) while the lock is held.
      { maxWait: 10_000, timeout: 30_000 },
    );
    if (!slug) return reply(200, { received: true, duplicate: true });
    invalidateTenant({ slug });
    return reply(200, { received: true });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return reply(503, { error: "Stripe unavailable, retry later" });
    throw error;
  }
}
