import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { BILLING_INTERVAL, CURRENCY, PRICE_PER_RESIDENT_CENTS, TRIAL_DAYS } from "./plans";
import { billingEnabled, stripeClient } from "./stripe";
import { DAY_MS } from "@/lib/dates/durations";

/**
 * Stripe could not be reached, was too slow or refused the call. Sign-up
 * catches this and starts the town on a trial without payment instead.
 */
export class BillingUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BillingUnavailable";
  }
}

async function callStripe<T>(what: string, call: (stripe: Stripe) => Promise<T>): Promise<T> {
  if (!billingEnabled()) throw new BillingUnavailable("billing is not configured");
  try {
    return await call(stripeClient());
  } catch (error) {
    throw new BillingUnavailable(`Stripe ${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function ensureCustomer(tenant: { id: string; name: string; stripeCustomerId: string | null }, email: string): Promise<string> {
  if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
  const customer = await callStripe("customer", (s) => s.customers.create({ email, name: tenant.name, metadata: { tenantId: tenant.id } }));
  const { count } = await prisma.tenant.updateMany({ where: { id: tenant.id, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  if (count === 1) return customer.id;
  // A concurrent checkout stored its customer first: use that one (ours stays unused in Stripe).
  const stored = await prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}

/**
 * A new town gets the full trial. A town already trialing without payment
 * (Stripe was down at sign-up) keeps what is left of it; Checkout accepts a
 * trial end only 48 hours or more ahead. A town that had its trial gets none.
 */
function trial(trialEndsAt: Date | null, now: Date): Pick<Stripe.Checkout.SessionCreateParams.SubscriptionData, "trial_period_days" | "trial_end"> {
  if (!trialEndsAt) return { trial_period_days: TRIAL_DAYS };
  return trialEndsAt.getTime() > now.getTime() + 2 * DAY_MS ? { trial_end: Math.floor(trialEndsAt.getTime() / 1000) } : {};
}

/**
 * Starts the PAID plan: a Stripe Checkout Session for a yearly subscription of
 * `population` residents. Returns the URL to send the town admin to; the
 * town's billing state follows from the webhook once Checkout completes.
 * @throws BillingUnavailable when Stripe is not configured, unreachable or errors.
 */
export async function startSubscription(
  tenantRef: { id: string },
  options: { successUrl: string; cancelUrl: string; customerEmail: string },
  now = new Date(),
): Promise<string> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantRef.id } });
  const quantity = tenant.population;
  if (!quantity || quantity < 1) throw new RangeError("The town's population is needed to price its subscription");
  const customer = await ensureCustomer(tenant, options.customerEmail);
  const session = await callStripe("checkout", (s) =>
    s.checkout.sessions.create({
      mode: "subscription",
      customer,
      client_reference_id: tenant.id,
      metadata: { tenantId: tenant.id },
      line_items: [{
        quantity,
        price_data: {
          currency: CURRENCY,
          unit_amount: PRICE_PER_RESIDENT_CENTS,
          recurring: { interval: BILLING_INTERVAL },
          product_data: { name: `Helpt — ${tenant.name}` },
        },
      }],
      subscription_data: { ...trial(tenant.trialEndsAt, now), metadata: { tenantId: tenant.id } },
      success_url: options.successUrl,
      cancel_url: options.cancelUrl,
    }),
  );
  if (!session.url) throw new BillingUnavailable("Stripe returned a checkout session without a URL");
  return session.url;
}

/**
 * Fallback when Stripe is unavailable at sign-up: the town starts its trial
 * now and subscribes later from its billing page. Only a town that never had
 * billing state or a trial gets one. Returns the trial end, or null.
 */
export async function startTrialWithoutPayment(tenant: { id: string }, now = new Date()): Promise<Date | null> {
  const trialEndsAt = new Date(now.getTime() + TRIAL_DAYS * DAY_MS);
  const { count } = await prisma.tenant.updateMany({
    where: { id: tenant.id, billingStatus: "NONE", trialEndsAt: null },
    data: { billingStatus: "TRIALING", trialEndsAt },
  });
  return count === 1 ? trialEndsAt : null;
}

/**
 * A Stripe Customer Portal session (payment method, invoices, cancel) for the
 * town's admin. Returns its URL.
 * @throws BillingUnavailable when Stripe is unavailable; RangeError (a form
 * error, as for subscribing) when the town has no Stripe customer yet.
 */
export async function openCustomerPortal(tenantRef: { id: string }, returnUrl: string): Promise<string> {
  const { stripeCustomerId } = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantRef.id }, select: { stripeCustomerId: true } });
  if (!stripeCustomerId) throw new RangeError("This town has no Stripe customer yet: start a subscription first");
  const session = await callStripe("portal", (s) => s.billingPortal.sessions.create({ customer: stripeCustomerId, return_url: returnUrl }));
  return session.url;
}
