import { Prisma } from "@/generated/prisma/client";
import type { EmailBrand } from "@/emails/town-email";
import { MINUTE_MS } from "@/lib/dates/durations";
import { backoffMs } from "@/lib/email/dispatch";
import { logger } from "@/lib/log/logger";
import { recordDelivery } from "@/lib/reach/delivery";
import { renderSms } from "@/lib/sms/render";
import { smsProvider } from "@/lib/sms/provider";
import { SmsSendError } from "@/lib/sms/types";
import { statusCallbackUrl } from "@/lib/sms/webhook-urls";
import { systemDb } from "@/lib/tenancy/system";

type Row = { id: string; tenantId: string; template: string; locale: string; to: string; data: unknown; attempts: number };

export const MAX_SMS_ATTEMPTS = 10;
const LEASE_MS = 5 * MINUTE_MS;

async function brandFor(tenantId: string, cache: Map<string, EmailBrand>): Promise<EmailBrand> {
  let brand = cache.get(tenantId);
  if (!brand) {
    brand = await systemDb.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true, primaryColor: true, phone: true, country: true, timeZone: true } });
    cache.set(tenantId, brand);
  }
  return brand;
}

/**
 * Sends due texts. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease
 * (attempts counted at the claim), so two workers never send the same row;
 * an outage leaves the row PENDING for a later attempt with backoff, a
 * refused number fails it at once. The notification that queued it learns
 * the outcome (recordDelivery).
 */
export async function dispatchSms(opts: { batch?: number; now?: Date; tenantIds?: string[] } = {}) {
  const now = opts.now ?? new Date();
  const scope = opts.tenantIds ? Prisma.sql`AND "tenantId" IN (${Prisma.join(opts.tenantIds)})` : Prisma.empty;
  const rows = await systemDb.$queryRaw<Row[]>`
    UPDATE "OutboxSms" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
     WHERE ("tenantId", id) IN (
       SELECT "tenantId", id FROM "OutboxSms"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${scope}
        ORDER BY "nextAttemptAt" LIMIT ${opts.batch ?? 20}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "tenantId", template, locale, "to", data, attempts`;
  const result = { sent: 0, retrying: 0, failed: 0 };
  if (rows.length === 0) return result;
  const provider = smsProvider();
  const brands = new Map<string, EmailBrand>();
  for (const row of rows) {
    const log = logger.child({ outboxId: row.id, tenantId: row.tenantId, template: row.template });
    const where = { tenantId_id: { tenantId: row.tenantId, id: row.id } };
    const fail = async (lastError: string) => {
      await systemDb.outboxSms.update({ where, data: { status: "FAILED", lockedUntil: null, lastError: lastError.slice(0, 1000) } });
      await recordDelivery(row.id, "FAILED");
      result.failed++;
    };
    if (!provider) {
      log.error("text not sent: no SMS provider configured (TWILIO_ACCOUNT_SID)");
      await fail("no SMS provider configured");
      continue;
    }
    let body: string;
    try {
      body = await renderSms(row, await brandFor(row.tenantId, brands));
    } catch (error) {
      log.error({ err: error }, "text template failed to render");
      await fail(`render: ${(error as Error).message}`);
      continue;
    }
    try {
      const sent = await provider.send({ to: row.to, body, ...(provider.name === "devinbox" ? {} : { statusCallback: statusCallbackUrl(row.id) }) });
      const data = { providerId: sent.id, body, sentAt: new Date(), lockedUntil: null, lastError: null };
      // A status callback may have come first (DELIVERED): it is not undone.
      const { count } = await systemDb.outboxSms.updateMany({ where: { tenantId: row.tenantId, id: row.id, status: "PENDING" }, data: { ...data, status: "SENT" } });
      if (count === 0) await systemDb.outboxSms.update({ where, data });
      await recordDelivery(row.id, "SENT");
      result.sent++;
    } catch (error) {
      const giveUp = (error instanceof SmsSendError && error.permanent) || row.attempts >= MAX_SMS_ATTEMPTS;
      const lastError = error instanceof SmsSendError && error.detail ? `${error.message}: ${error.detail}` : (error as Error).message;
      log.warn({ err: error instanceof SmsSendError ? { message: error.message, code: error.code } : error, attempts: row.attempts, giveUp }, "text delivery failed");
      if (giveUp) {
        await fail(lastError);
      } else {
        await systemDb.outboxSms.update({ where, data: { lockedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: lastError.slice(0, 1000) } });
        result.retrying++;
      }
    }
  }
  return result;
}

/** The development inbox: texts kept instead of sent (/dev/sms), newest first. */
export async function listDevSmsInbox(opts: { to?: string; take?: number } = {}) {
  return systemDb.outboxSms.findMany({
    where: { providerId: { startsWith: "dev-" }, ...(opts.to ? { to: opts.to } : {}) },
    orderBy: { sentAt: "desc" },
    take: opts.take ?? 50,
    select: { id: true, to: true, body: true, template: true, sentAt: true, tenant: { select: { slug: true } } },
  });
}
