import webpush from "web-push";
import { backoffMs } from "@/lib/email/dispatch";
import { emailTranslator } from "@/lib/email/translator";
import { isTemplateName } from "@/lib/email/templates";
import { isLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/log/logger";
import { PUSH_TEMPLATES, type PushMessage, type PushTemplate } from "@/lib/notifications/push-templates";
import { vapidKeys, type VapidKeys } from "@/lib/notifications/push-config";
import { recordDelivery } from "@/lib/reach/delivery";
import { systemDb } from "@/lib/tenancy/system";
import { DAY_MS, MINUTE_MS } from "@/lib/dates/durations";

type Row = { id: string; tenantId: string; profileId: string; template: string; locale: string; data: unknown; attempts: number; sentTo: string[] | null };
type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };
type Town = { name: string; primaryColor: string; timeZone: string };
/** What a push service answered for one browser. */
type Answer = "sent" | "gone" | "retry" | "refused";

export const MAX_ATTEMPTS = 10;
// Each row's browsers are sent to at once, each request bounded, so a batch ends well inside its lease.
const LEASE_MS = 5 * MINUTE_MS;
const REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 10;
// A crisis call a day late is worse than none: the push service may drop it after that.
const TTL_SECONDS = DAY_MS / 1000;

/**
 * Sends due web push rows. Rows are claimed with FOR UPDATE SKIP LOCKED and a
 * lease, so concurrent workers never take the same row. A row goes to each of
 * the volunteer's subscribed browsers; those that took it are remembered
 * (sentTo), so a retry after a push service's 5xx reaches only the others.
 * A browser the push service no longer knows (404/410) is forgotten.
 * Push services do not confirm delivery: SENT is the last word.
 */
export async function dispatchPush(opts: { batch?: number; now?: Date } = {}) {
  const result = { sent: 0, retrying: 0, failed: 0 };
  const keys = vapidKeys();
  if (!keys) return result;
  const now = opts.now ?? new Date();
  const rows = await systemDb.$queryRaw<Row[]>`
    UPDATE "OutboxPush" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, attempts = attempts + 1
     WHERE ("tenantId", id) IN (
       SELECT "tenantId", id FROM "OutboxPush"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt" LIMIT ${opts.batch ?? BATCH}
        FOR UPDATE SKIP LOCKED)
    RETURNING "tenantId", id, "profileId", template, locale, data, attempts, "sentTo"`;
  const towns = new Map<string, Town | null>();
  for (const row of rows) {
    const log = logger.child({ outboxId: row.id, tenantId: row.tenantId, template: row.template });
    const where = { tenantId_id: { tenantId: row.tenantId, id: row.id } };
    const sentTo = row.sentTo ?? [];
    let payload: string;
    try {
      payload = JSON.stringify(await render(row, await townOf(row.tenantId, towns)));
    } catch (error) {
      await systemDb.outboxPush.update({ where, data: { status: "FAILED", lockedUntil: null, lastError: `render: ${(error as Error).message}`.slice(0, 1000) } });
      await recordDelivery(row.id, "FAILED");
      log.error({ err: error }, "push template failed to render");
      result.failed++;
      continue;
    }
    const subscriptions = await systemDb.pushSubscription.findMany({
      where: { tenantId: row.tenantId, profileId: row.profileId, id: { notIn: sentTo } },
      select: { id: true, endpoint: true, p256dh: true, auth: true },
    });
    const answers = await Promise.all(subscriptions.map(async (s) => ({ s, answer: await send(s, payload, keys) })));
    const took = answers.filter((a) => a.answer === "sent").map((a) => a.s.id);
    const gone = answers.filter((a) => a.answer === "gone").map((a) => a.s.id);
    if (took.length) await systemDb.pushSubscription.updateMany({ where: { tenantId: row.tenantId, id: { in: took } }, data: { lastSuccessAt: new Date() } });
    if (gone.length) await systemDb.pushSubscription.deleteMany({ where: { tenantId: row.tenantId, id: { in: gone } } });
    const reached = [...sentTo, ...took];
    const retry = answers.some((a) => a.answer === "retry") && row.attempts < MAX_ATTEMPTS;
    const problems = answers.filter((a) => a.answer !== "sent").map((a) => a.answer).join(", ") || null;
    if (retry) {
      await systemDb.outboxPush.update({ where, data: { sentTo: reached, lockedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: problems } });
      log.warn({ attempts: row.attempts, problems }, "web push will be retried");
      result.retrying++;
      continue;
    }
    // Reached on at least one browser counts as sent; none left (all gone, refused or out of retries) as failed.
    const status = reached.length ? "SENT" : "FAILED";
    await systemDb.outboxPush.update({ where, data: { status, sentTo: reached, lockedUntil: null, lastError: problems } });
    await recordDelivery(row.id, status);
    if (status === "SENT") result.sent++;
    else result.failed++;
  }
  return result;
}

async function townOf(tenantId: string, cache: Map<string, Town | null>): Promise<Town | null> {
  if (!cache.has(tenantId)) cache.set(tenantId, await systemDb.tenant.findUnique({ where: { id: tenantId }, select: { name: true, primaryColor: true, timeZone: true } }));
  return cache.get(tenantId) ?? null;
}

/** The row's notification in the volunteer's language, with the town's name. */
async function render(row: Row, town: Town | null): Promise<PushMessage> {
  const template = isTemplateName(row.template) ? (PUSH_TEMPLATES[row.template] as PushTemplate<unknown> | undefined) : undefined;
  if (!template || !town) throw new Error(`no push template ${row.template}`);
  const t = await emailTranslator(isLocale(row.locale) ? row.locale : "nl", town.timeZone);
  return template(t, town, row.data);
}

/** One encrypted, VAPID-signed request to one browser's push service (RFC 8030). */
async function send(s: Subscription, payload: string, keys: VapidKeys): Promise<Answer> {
  try {
    const request = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
      vapidDetails: keys, TTL: TTL_SECONDS, urgency: "high",
    });
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== "content-length").map(([k, v]) => [k, String(v)]));
    const response = await fetch(request.endpoint, { method: request.method, headers, body: new Uint8Array(request.body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: "manual" });
    await response.body?.cancel();
    if (response.ok) return "sent";
    if (response.status === 404 || response.status === 410) return "gone";
    if (response.status === 429 || response.status >= 500) return "retry";
    return "refused";
  } catch (error) {
    // Unreachable or slow push service: try again later. A subscription whose keys cannot encrypt is refused.
    return error instanceof Error && /timeout|fetch failed|ECONN|abort/i.test(`${error.name} ${error.message}`) ? "retry" : "refused";
  }
}

