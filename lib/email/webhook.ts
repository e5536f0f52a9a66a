import { Resend } from "resend";
import { z } from "zod";
import { recordSuppression } from "@/lib/email/suppressions";
import { logger } from "@/lib/log/logger";

// The part of Resend's event we act on; everything else in the payload is ignored.
export const eventSchema = z.object({
  type: z.string(),
  data: z.looseObject({
    email_id: z.string().optional(),
    to: z.union([z.array(z.string()), z.string()]).optional(),
    bounce: z.looseObject({ type: z.string().optional() }).optional(),
  }),
});

export type SignedHeaders = { id: string | null; timestamp: string | null; signature: string | null };

/**
 * Resend's bounce and complaint webhook, signed the Svix way (svix-id,
 * svix-timestamp, svix-signature over the exact body). The SDK's verifier
 * refuses a wrong signature and a timestamp more than five minutes off (an
 * old delivery replayed); a delivery replayed within that window has the
 * same id and is recorded once.
 */
export async function handleEmailWebhook(body: string, headers: SignedHeaders, secret: string): Promise<{ status: number; body: string }> {
  if (!headers.id || !headers.timestamp || !headers.signature) return { status: 400, body: "missing signature" };
  let payload: unknown;
  try {
    // The verifier needs no API key; the client only carries it.
    payload = new Resend("re_webhook_verification_only").webhooks.verify({
      payload: body,
      headers: { id: headers.id, timestamp: headers.timestamp, signature: headers.signature },
      webhookSecret: secret,
    });
  } catch (error) {
    logger.warn({ err: error }, "e-mail webhook refused: bad signature or timestamp");
    return { status: 400, body: "invalid signature" };
  }
  const event = eventSchema.safeParse(payload);
  if (!event.success) return { status: 400, body: "unexpected payload" };
  const { type, data } = event.data;
  const reason = type === "email.bounced" && data.bounce?.type !== "Transient" ? "BOUNCE" : type === "email.complained" ? "COMPLAINT" : null;
  if (!reason) return { status: 200, body: "ignored" };
  const addresses = Array.isArray(data.to) ? data.to : data.to ? [data.to] : [];
  let recorded = 0;
  for (const [i, address] of addresses.entries()) {
    const eventId = addresses.length === 1 ? headers.id : `${headers.id}:${i}`;
    if (await recordSuppression({ eventId, address, reason, providerMessageId: data.email_id })) recorded++;
  }
  logger.info({ type, recorded, providerMessageId: data.email_id }, "e-mail webhook processed");
  return { status: 200, body: "ok" };
}
