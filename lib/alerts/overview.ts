import type { Channel, Outcome } from "@/lib/notifications/policy";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type AlertRow = {
  id: string; wave: number; volunteerName: string; at: Date; usedAt: Date | null;
  channels: { channel: Channel; outcome: Outcome; delivery: "SENT" | "DELIVERED" | "FAILED" | null }[];
};

/**
 * Who was alerted about a request, when, on which channel and what became of
 * it (notify()'s outcome, then the provider's report on the Notification
 * row, then an offer through the link), for the coordinator. Newest wave first.
 */
export async function alertsForRequest(tenant: { id: string }, requestId: string): Promise<AlertRow[]> {
  const db = forTenant(tenant.id);
  const alerts = await db.alert.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, usedAt: true, deliveries: true, wave: { select: { number: true } }, volunteer: { select: { name: true } } },
  });
  type Stored = { channel: Channel; outcome: Outcome; outboxId: string | null };
  const stored = new Map(alerts.map((a) => [a.id, (a.deliveries ?? []) as Stored[]]));
  const outboxIds = [...stored.values()].flat().map((d) => d.outboxId).filter((id): id is string => !!id);
  const reports = new Map(
    outboxIds.length === 0 ? [] : (await db.notification.findMany({ where: { outboxId: { in: outboxIds } }, select: { outboxId: true, delivery: true } }))
      .map((n) => [n.outboxId, n.delivery]),
  );
  return alerts.map((a) => ({
    id: a.id, wave: a.wave.number, volunteerName: a.volunteer.name, at: a.createdAt, usedAt: a.usedAt,
    channels: stored.get(a.id)!.map((d) => ({ channel: d.channel, outcome: d.outcome, delivery: (d.outboxId && reports.get(d.outboxId)) || null })),
  }));
}
