import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { EmailBrand } from "@/emails/town-email";
import { deliver, EmailDeliveryError } from "@/lib/email/deliver";
import { renderTemplate } from "@/lib/email/render";
import { suppressionFor } from "@/lib/email/suppressions";
import { logger } from "@/lib/log/logger";
import { recordDelivery } from "@/lib/reach/delivery";
import { isTemplateName } from "@/lib/email/templates";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { systemDb } from "@/lib/tenancy/system";
import { HOUR_MS, MINUTE_MS } from "@/lib/dates/durations";

type Row = { id: string; tenantId: string | null; template: string; locale: string; to: string; data: unknown; attempts: number };

export const MAX_ATTEMPTS = 15;
const LEASE_MS = 5 * MINUTE_MS;
type Sender = EmailBrand & { email: string | null };
const PLATFORM_BRAND: Sender = { name: "Helpt", primaryColor: "#1d4ed8", phone: null, email: null };

/** 30 s, 1 min, 2 min … capped at 1 h, with jitter so retries do not arrive in waves. */
export function backoffMs(attempts: number, retryAfterSeconds?: number, random = Math.random()): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), HOUR_MS);
  const jittered = base * (0.8 + 0.4 * random);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** The provider's word that this message can never go (e.g. an invalid address). */
const isPermanent = (error: unknown) => error instanceof EmailDeliveryError && error.permanent;

/** The town's branding, and its address for replies (settings). */
async function brandFor(tenantId: string | null, cache: Map<string, Sender>): Promise<Sender> {
  if (!tenantId) return PLATFORM_BRAND;
  let brand = cache.get(tenantId);
  if (!brand) {
    const t = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true, primaryColor: true, phone: true, email: true, country: true, timeZone: true } });
    brand = t ?? PLATFORM_BRAND;
    cache.set(tenantId, brand);
  }
  return brand;
}

/** One outbox row as its e-mail, or an error if the row names no template or its data does not fit. */
export async function renderRow(row: Pick<Row, "template" | "locale" | "data">, brand: EmailBrand) {
  if (!isTemplateName(row.template)) throw new Error(`unknown template ${row.template}`);
  const locale: Locale = isLocale(row.locale) ? row.locale : "nl";
  return renderTemplate(row.template, locale, brand, row.data as never);
}

/**
 * Sends due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED and a
 * lease, so concurrent workers never take the same row; the row id is the
 * provider's idempotency key, so a retry after a crash is not a second mail.
 */
export async function dispatchOutbox(opts: { batch?: number; now?: Date; tenantIds?: string[] } = {}) {
  const now = opts.now ?? new Date();
  // Optional sharding: a worker can serve a subset of towns.
  const scope = opts.tenantIds ? Prisma.sql`AND "tenantId" IN (${Prisma.join(opts.tenantIds)})` : Prisma.empty;
  const rows = await systemDb.$queryRaw<Row[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM "OutboxEmail"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${scope}
        ORDER BY "nextAttemptAt" LIMIT ${opts.batch ?? 20}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "tenantId", template, locale, "to", data, attempts`;
  const brands = new Map<string, Sender>();
  const result = { sent: 0, retrying: 0, failed: 0 };
  for (const row of rows) {
    const log = logger.child({ outboxId: row.id, tenantId: row.tenantId, template: row.template });
    const suppressed = await suppressionFor(row.to, row.tenantId);
    if (suppressed) {
      // The provider told us (signed webhook) this address bounces or complained: sending again harms the sender's reputation.
      await systemDb.outboxEmail.update({ where: { id: row.id }, data: { status: "FAILED", lockedUntil: null, lastError: `undeliverable: ${suppressed.toLowerCase()}` } });
      await recordDelivery(row.id, "FAILED");
      log.info({ reason: suppressed }, "e-mail not sent: address marked undeliverable");
      result.failed++;
      continue;
    }
    let mail;
    const brand = await brandFor(row.tenantId, brands);
    try {
      mail = await renderRow(row, brand);
    } catch (error) {
      // A template that throws fails this message only; the queue goes on.
      await systemDb.outboxEmail.update({ where: { id: row.id }, data: { status: "FAILED", lockedUntil: null, lastError: `render: ${(error as Error).message}`.slice(0, 1000) } });
      await recordDelivery(row.id, "FAILED");
      log.error({ err: error }, "e-mail template failed to render");
      result.failed++;
      continue;
    }
    try {
      const delivery = await deliver({
        ...mail, to: row.to, idempotencyKey: row.id,
        ...(row.tenantId ? { senderName: brand.name, replyTo: brand.email ?? undefined } : {}),
      });
      await systemDb.outboxEmail.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), providerId: delivery.id, lockedUntil: null, lastError: null } });
      await recordDelivery(row.id, "SENT");
      result.sent++;
    } catch (error) {
      const giveUp = isPermanent(error) || row.attempts >= MAX_ATTEMPTS;
      const retryAfter = error instanceof EmailDeliveryError ? error.retryAfterSeconds : undefined;
      await systemDb.outboxEmail.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts, retryAfter)),
          lastError: (error instanceof EmailDeliveryError && error.detail ? `${error.message}: ${error.detail}` : (error as Error).message).slice(0, 1000),
        },
      });
      if (giveUp) await recordDelivery(row.id, "FAILED");
      log.warn({ err: error, attempts: row.attempts, giveUp }, "e-mail delivery failed");
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/** For the admin console: how the queue stands. */
export async function outboxBacklog() {
  const [counts, failed, oldestPending] = await Promise.all([
    systemDb.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
    systemDb.outboxEmail.findMany({ where: { status: "FAILED" }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, to: true, template: true, attempts: true, lastError: true, createdAt: true } }),
    systemDb.outboxEmail.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true, attempts: true, lastError: true } }),
  ]);
  return { counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>, failed, oldestPending };
}

/** An admin sends a failed message again (e.g. after the address was corrected upstream). */
export async function retryFailed(id: string) {
  await systemDb.outboxEmail.updateMany({ where: { id, status: "FAILED" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null } });
}
