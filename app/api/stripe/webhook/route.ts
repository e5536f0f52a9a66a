import { env } from "@/lib/env";
import { billingEnabled } from "@/lib/billing/stripe";
import { handleStripeWebhook } from "@/lib/billing/webhook";

export const dynamic = "force-dynamic";

/** Stripe's webhook endpoint. The raw body is read as text: the signature covers its exact bytes. */
export async function POST(request: Request) {
  if (!billingEnabled() || !env().STRIPE_WEBHOOK_SECRET) return new Response("Not found", { status: 404 });
  const { status, body } = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return new Response(body, { status, headers: { "content-type": "application/json" } });
}
