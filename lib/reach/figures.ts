import type { NotificationChannel } from "@/generated/prisma/client";
import { ALERT_WAVE, CRISIS_CALL, parseRef } from "@/lib/reach/refs";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** The causes shown, newest first: a town in a long crisis still gets one bounded page. */
export const CAUSES_SHOWN = 20;

/** What happened to the messages of one cause on one channel. Counts only: nobody is named. */
export type ChannelReach = {
  channel: NotificationChannel;
  messages: number;
  queued: number;
  deferred: number;
  capped: number;
  noConsent: number;
  unverified: number;
  optedOut: number;
  /** Accepted by the provider (delivered ones included): push and most e-mail get no further word. */
  sent: number;
  delivered: number;
  failed: number;
};

export type CauseReach = { ref: string; cause: NonNullable<ReturnType<typeof parseRef>>; startedAt: Date; channels: ChannelReach[] };

type Row = Omit<ChannelReach, "channel"> & { ref: string; channel: NotificationChannel; startedAt: Date };

/**
 * The town's reach: per crisis call and alert wave (Notification.ref), per
 * channel, how many messages were queued, held back and why, sent, delivered
 * or failed. Aggregated in the database by the (tenantId, ref) index; only
 * this town's notifications are counted (its own scope, and the wall).
 */
export async function reachFigures(tenant: { id: string }, limit = CAUSES_SHOWN): Promise<CauseReach[]> {
  const rows = await forTenant(tenant.id).$transaction((tx) => tx.$queryRaw<Row[]>`
    WITH causes AS (
      SELECT ref, min("createdAt") AS "startedAt" FROM "Notification"
       WHERE "tenantId" = ${tenant.id} AND (ref LIKE ${`${CRISIS_CALL}:%`} OR ref LIKE ${`${ALERT_WAVE}:%`})
       GROUP BY ref ORDER BY "startedAt" DESC LIMIT ${limit}
    )
    SELECT n.ref, n.channel, c."startedAt",
           count(*)::int AS messages,
           count(*) FILTER (WHERE n.outcome = 'QUEUED')::int AS queued,
           count(*) FILTER (WHERE n.outcome = 'DEFERRED')::int AS deferred,
           count(*) FILTER (WHERE n.outcome = 'CAPPED')::int AS capped,
           count(*) FILTER (WHERE n.outcome = 'NO_CONSENT')::int AS "noConsent",
           count(*) FILTER (WHERE n.outcome = 'UNVERIFIED')::int AS unverified,
           count(*) FILTER (WHERE n.outcome = 'OPTED_OUT')::int AS "optedOut",
           count(*) FILTER (WHERE n.delivery IN ('SENT', 'DELIVERED'))::int AS sent,
           count(*) FILTER (WHERE n.delivery = 'DELIVERED')::int AS delivered,
           count(*) FILTER (WHERE n.delivery = 'FAILED')::int AS failed
      FROM "Notification" n JOIN causes c ON c.ref = n.ref
     WHERE n."tenantId" = ${tenant.id}
     GROUP BY n.ref, n.channel, c."startedAt"
     ORDER BY c."startedAt" DESC, n.ref, n.channel`);
  const causes = new Map<string, CauseReach>();
  for (const { ref, startedAt, ...figures } of rows) {
    const cause = parseRef(ref);
    if (!cause) continue;
    const entry = causes.get(ref) ?? { ref, cause, startedAt, channels: [] };
    entry.channels.push(figures);
    causes.set(ref, entry);
  }
  return [...causes.values()];
}
