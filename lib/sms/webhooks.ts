import twilio from "twilio";
import { z } from "zod";
import { emailTranslator } from "@/lib/email/translator";
import type { Locale } from "@/lib/i18n/locales";
import { stripControl } from "@/lib/forms/text";
import { logger } from "@/lib/log/logger";
import { normalizePhone } from "@/lib/phone/normalize";
import { recordDelivery } from "@/lib/reach/delivery";
import { parseKeyword } from "@/lib/sms/keywords";
import { optIn, optOut } from "@/lib/sms/opt-out";
import { systemDb } from "@/lib/tenancy/system";

export type Answer = { status: number; body: string; type?: string };
type Signed = { url: string; signature: string | null; body: string; authToken: string };

const MAX_BODY = 16 * 1024;
const text = (status: number, body: string): Answer => ({ status, body });

/**
 * Twilio's signature (X-Twilio-Signature: HMAC-SHA1 of the URL Helpt gave and
 * the posted fields, keyed with the auth token), checked with the SDK's own
 * validator. Unsigned or forged: null (403).
 */
function verified(req: Signed): Record<string, string> | null {
  if (!req.signature || req.body.length > MAX_BODY) return null;
  const params = Object.fromEntries(new URLSearchParams(req.body));
  try {
    return twilio.validateRequest(req.authToken, req.signature, req.url, params) ? params : null;
  } catch {
    return null;
  }
}

/** Exported for the hostile-input suite (tests/unit/hostile-schemas.test.ts). */
export const statusSchema = z.object({
  MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().overwrite(stripControl).max(40),
  ErrorCode: z.string().regex(/^\d{1,10}$/).optional(),
});

// Twilio's final words on a text; the others (queued, sending, sent …) change nothing here.
const FINAL: Record<string, "DELIVERED" | "FAILED"> = { delivered: "DELIVERED", read: "DELIVERED", undelivered: "FAILED", failed: "FAILED" };

/** POST /api/sms/status?id=<outbox row>: what became of a text. A final word is kept once: a late "failed" does not undo "delivered". */
export async function handleSmsStatus(req: Signed): Promise<Answer> {
  const params = verified(req);
  if (!params) {
    logger.warn("SMS status callback refused: unsigned or forged");
    return text(403, "invalid signature");
  }
  const id = new URL(req.url).searchParams.get("id");
  const parsed = statusSchema.safeParse(params);
  if (!id || !/^[\w-]{1,100}$/.test(id) || !parsed.success) return text(400, "unexpected payload");
  const outcome = FINAL[parsed.data.MessageStatus.toLowerCase()];
  if (!outcome) return text(200, "ignored");
  const { count } = await systemDb.outboxSms.updateMany({
    where: { id, status: { in: ["PENDING", "SENT"] } },
    data: { status: outcome, ...(outcome === "FAILED" ? { lastError: `Twilio reported ${parsed.data.MessageStatus}${parsed.data.ErrorCode ? ` (error ${parsed.data.ErrorCode})` : ""}` } : {}) },
  });
  if (count > 0) await recordDelivery(id, outcome);
  logger.info({ outboxId: id, outcome, recorded: count > 0 }, "SMS status callback");
  return text(200, "ok");
}

export const inboundSchema = z.object({ From: z.string().overwrite(stripControl).min(3).max(32), Body: z.string().overwrite(stripControl).max(1600).default(""), MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/).optional() });

/** A short confirmation in the keyword's language, or in Dutch, French and English for STOP and START. */
async function confirmation(key: "stopped" | "started", locale: Locale | null): Promise<string> {
  const locales: Locale[] = locale ? [locale] : ["nl", "fr", "en"];
  const lines = await Promise.all(locales.map(async (l) => (await emailTranslator(l))(`smsChannel.${key}`)));
  return lines.join(" / ");
}

/**
 * POST /api/sms/inbound: a text to the town's number. STOP and its
 * equivalents opt the number out at once, as the law requires; START undoes
 * it. Anything else gets no reply (the number is not read by a person).
 */
export async function handleSmsInbound(req: Signed): Promise<Answer> {
  const params = verified(req);
  if (!params) {
    logger.warn("inbound SMS refused: unsigned or forged");
    return text(403, "invalid signature");
  }
  const parsed = inboundSchema.safeParse(params);
  if (!parsed.success) return text(400, "unexpected payload");
  // Any country's number, in E.164 as Twilio sends it.
  const phone = normalizePhone(parsed.data.From) ?? (/^\+[1-9]\d{6,14}$/.test(parsed.data.From) ? parsed.data.From : null);
  if (!phone) return text(400, "unexpected sender");
  const keyword = parseKeyword(parsed.data.Body);
  const reply = new twilio.twiml.MessagingResponse();
  if (keyword?.action === "STOP") {
    await optOut(phone);
    reply.message(await confirmation("stopped", keyword.locale));
  } else if (keyword?.action === "START") {
    await optIn(phone);
    reply.message(await confirmation("started", keyword.locale));
  }
  logger.info({ keyword: keyword?.action ?? null, messageSid: parsed.data.MessageSid }, "inbound SMS");
  return { status: 200, body: reply.toString(), type: "text/xml; charset=utf-8" };
}
