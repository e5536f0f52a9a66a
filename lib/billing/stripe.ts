import Stripe from "stripe";
import { env } from "@/lib/env";

/** Billing is on only where a Stripe key is configured; without it every town runs free of charge. */
export function billingEnabled(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY);
}

let cached: { config: string; client: Stripe } | undefined;

/**
 * The Stripe SDK client. Calls sit in sign-up and webhook paths, so they fail
 * fast (short timeout, one retry) rather than hang. STRIPE_API_URL points the
 * SDK at a local server in tests.
 */
export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: apiUrl } = env();
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set");
  const config = `${key}|${apiUrl ?? ""}`;
  if (cached?.config !== config) {
    const url = apiUrl ? new URL(apiUrl) : undefined;
    cached = {
      config,
      client: new Stripe(key, {
        timeout: 8_000,
        maxNetworkRetries: 1,
        ...(url && {
          host: url.hostname,
          port: url.port || (url.protocol === "https:" ? 443 : 80),
          protocol: url.protocol === "https:" ? "https" : "http",
        }),
      }),
    };
  }
  return cached.client;
}
