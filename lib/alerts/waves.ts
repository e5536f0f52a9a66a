import { Prisma } from "@/generated/prisma/client";
import { alertCandidates } from "@/lib/alerts/select";
import { newToken } from "@/lib/alerts/token";
import { DAY_MS, MINUTE_MS } from "@/lib/dates/durations";
import { isLocale, localized, type Locale } from "@/lib/i18n/locales";
import { ACTIVE_RESPONSES, lockRequest } from "@/lib/matching/respond";
import { VOLUNTEER_CHANNELS, volunteerContact } from "@/lib/notifications/contacts";
import { notifyAll } from "@/lib/notifications/notify";
import { dueAt } from "@/lib/notifications/policy";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { waveSize } from "@/lib/requests/first-wave";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { whenFromColumns, WHEN_SELECT } from "@/lib/when/when";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** How long a one-click link works: long enough for a phone left in a drawer, short enough to be dead when it leaks. */
export const LINK_DAYS = 3;
/** Waves claimed per worker tick; the rest wait two seconds. */
const CLAIM = 20;

/**
 * The worker's step (every outbox tick): every wave that is due to go out,
 * or whose wait for the next wave is over, in any town (or in one: the bench
 * and the tests time a town alone). Returns how many volunteers were alerted.
 */
export async function sendDueWaves(now = new Date(), only?: { tenantId: string }): Promise<number> {
  const town = only ? Prisma.sql`AND "tenantId" = ${only.tenantId}` : Prisma.empty;
  const due = await systemDb.$queryRaw<{ tenantId: string; id: string; requestId: string }[]>`
    SELECT "tenantId", id, "requestId" FROM "AlertWave"
     WHERE "closedAt" IS NULL AND ("dueAt" <= ${now} OR "nextWaveAt" <= ${now}) ${town}
     ORDER BY coalesce("dueAt", "nextWaveAt") LIMIT ${CLAIM}`;
  let alerted = 0;
  for (const wave of due) alerted += await runWave(wave.tenantId, wave.id, wave.requestId, now);
  return alerted;
}

/**
 * One due wave, in one transaction of its town. The request's row is locked
 * first (offers take the same lock, so none slips in between the count and
 * the alerts), then the wave's, skipping it when another worker holds it and
 * re-reading that it is still due: two workers never send the same wave.
 */
export async function runWave(tenantId: string, waveId: string, requestId: string, now = new Date()): Promise<number> {
  return forTenant(tenantId).$transaction(async (tx) => {
    const request = await lockRequest(tx, tenantId, requestId);
    const [wave] = await tx.$queryRaw<{ id: string; number: number; sentAt: Date | null }[]>`
      SELECT id, number, "sentAt" FROM "AlertWave"
       WHERE "tenantId" = ${tenantId} AND id = ${waveId} AND "closedAt" IS NULL AND ("dueAt" <= ${now} OR "nextWaveAt" <= ${now})
       FOR UPDATE SKIP LOCKED`;
    if (!wave) return 0;
    const town = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { slug: true, mode: true, alertBatchActive: true, alertBatchCrisis: true, alertWaitMinutes: true, responseCap: true, timeZone: true, defaultLocale: true },
    });
    const taken = await tx.response.count({ where: { requestId, status: { in: [...ACTIVE_RESPONSES] } } });
    const close = () => tx.alertWave.update({ where: { tenantId_id: { tenantId, id: wave.id } }, data: { closedAt: now, dueAt: null, nextWaveAt: null } });
    if (request.status !== "OPEN" || !request.publishedAt || taken >= (request.maxResponses ?? town.responseCap) || town.mode === "DORMANT") {
      await close();
      return 0;
    }
    const details = await tx.helpRequest.findFirstOrThrow({
      where: { id: requestId },
      select: { urgency: true, publicSummary: true, neighbourhood: true, postcode: true, recurrence: true, ...WHEN_SELECT, category: { select: { labels: true } } },
    });
    // Alerts wait out the town's night like any notification, unless the request is urgent.
    const allowed = dueAt(now, town.timeZone, { kind: "NOTIFICATION", urgent: details.urgency === "HIGH" });
    if (allowed > now) {
      await tx.alertWave.update({ where: { tenantId_id: { tenantId, id: wave.id } }, data: wave.sentAt ? { nextWaveAt: allowed } : { dueAt: allowed } });
      return 0;
    }
    let target = wave.id;
    if (wave.sentAt) {
      // The wait is over and the request still has room: the next wave, at the town's current size.
      await tx.alertWave.update({ where: { tenantId_id: { tenantId, id: wave.id } }, data: { nextWaveAt: null } });
      target = (await tx.alertWave.create({
        data: { tenantId, requestId, number: wave.number + 1, mode: town.mode, size: waveSize(town), dueAt: null },
        select: { id: true },
      })).id;
    }
    const size = waveSize(town);
    const { alerted, exhausted } = await fill(tx, { id: tenantId, ...town }, { id: requestId, ...details, urgent: details.urgency === "HIGH" }, target, size, now);
    await tx.alertWave.update({
      where: { tenantId_id: { tenantId, id: target } },
      data: {
        sentAt: now, dueAt: null, mode: town.mode, size,
        nextWaveAt: exhausted ? null : new Date(now.getTime() + town.alertWaitMinutes * MINUTE_MS),
        closedAt: exhausted ? now : null,
      },
    });
    return alerted;
  });
}

type AlertRequest = {
  id: string; urgent: boolean; publicSummary: string; neighbourhood: string; postcode: string; recurrence: string;
  category: { labels: Prisma.JsonValue };
} & Parameters<typeof whenFromColumns>[0];

/**
 * Alerts the best-ranked volunteers not yet tried until `size` of them are
 * reached. Someone notify() does not reach at once (over the daily cap,
 * opted out, without consent) is recorded with the reason, is not counted,
 * and is not tried again for this request; the next in rank takes the place.
 */
async function fill(
  tx: Tx, town: { id: string; slug: string; defaultLocale: string }, request: AlertRequest, waveId: string, size: number, now: Date,
): Promise<{ alerted: number; exhausted: boolean }> {
  const candidates = await alertCandidates(tx, town, request.id, now);
  const fallback: Locale = isLocale(town.defaultLocale) ? town.defaultLocale : "nl";
  const when = whenFromColumns(request);
  let alerted = 0;
  let next = 0;
  // As many at a time as places are left, so a wave never exceeds its size; one notifyAll() and one insert per round.
  while (alerted < size && next < candidates.length) {
    const slice = candidates.slice(next, next + size - alerted);
    next += slice.length;
    const people = new Map((await tx.volunteerProfile.findMany({
      where: { id: { in: slice.map((c) => c.id) } },
      select: { ...VOLUNTEER_CHANNELS, languages: true, user: { select: { email: true } } },
    })).map((v) => [v.id, v]));
    const round = slice.flatMap((c) => {
      const v = people.get(c.id);
      if (!v) return [];
      const locale = v.languages.find(isLocale) ?? fallback;
      const { id, token } = newToken({ tenantId: town.id, requestId: request.id, volunteerId: v.id });
      return [{
        id, volunteerId: v.id,
        message: {
          to: volunteerContact(v.user, v), template: "request-alert" as const, kind: "NOTIFICATION" as const, urgent: request.urgent, locale, ref: `alert-wave:${waveId}`,
          data: {
            summary: request.publicSummary, category: localized(request.category.labels, locale, fallback),
            place: request.neighbourhood || request.postcode, when, weekly: request.recurrence === "WEEKLY", url: publicTownUrl(town.slug, `/a/${token}`),
          },
        },
      }];
    });
    const deliveries = await notifyAll(tx, town, round.map((r) => r.message), now);
    await tx.alert.createMany({
      data: round.map((r, i) => {
        const reached = deliveries[i].some((d) => d.outcome === "QUEUED");
        if (reached) alerted += 1;
        return {
          tenantId: town.id, id: r.id, waveId, requestId: request.id, volunteerId: r.volunteerId, alerted: reached, createdAt: now,
          deliveries: deliveries[i].map((d) => ({ channel: d.channel, outcome: d.outcome, outboxId: d.outboxId })),
          expiresAt: new Date(now.getTime() + LINK_DAYS * DAY_MS),
        };
      }),
    });
  }
  return { alerted, exhausted: next >= candidates.length && alerted < size };
}
