import { createHmac, randomBytes } from "node:crypto";

/** A webhook secret in Resend's (Svix's) format. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/**
 * Signs a body the way Svix does for Resend, written from the specification
 * (HMAC-SHA256 of "id.timestamp.body" with the base64 secret), not with the
 * library under test.
 */
export function signWebhook(secret: string, body: string, opts: { id?: string; timestamp?: number } = {}) {
  const id = opts.id ?? `msg_${randomBytes(8).toString("hex")}`;
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { id, timestamp, signature: `v1,${signature}` };
}
