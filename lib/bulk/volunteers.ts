import { writeAudit } from "@/lib/audit/log";
import { done, skipped, type BulkItem } from "@/lib/bulk/result";
import { volunteerLocale } from "@/lib/matching/assign";
import { VOLUNTEER_CHANNELS, volunteerContact } from "@/lib/notifications/contacts";
import { notifyAll, type Delivery } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";

/** How many of the selection are this town's volunteers: what the review says will be written to. */
export async function countSelectedVolunteers(tenant: { id: string }, ids: string[]): Promise<number> {
  return forTenant(tenant.id).volunteerProfile.count({ where: { id: { in: ids } } });
}

/** Why nobody will read it: the first channel's refusal (consent, a confirmed address, the daily cap, STOP). */
function refusal(deliveries: Delivery[]): string {
  const outcome = deliveries[0]?.outcome;
  return outcome ? `notify${outcome}` : "notifyNoChannel";
}

/**
 * A coordinator writes to selected volunteers of the town. Each goes through
 * notify() as a notification (not a transactional message): the town's daily
 * cap, quiet hours, consent and opt-outs apply as to every alert. Blocked or
 * paused volunteers and ids of other towns are skipped; each volunteer
 * written to gets its own audit entry.
 */
export async function messageVolunteers(
  tenant: Tenant<"slug" | "defaultLocale">, actorId: string, ids: string[], message: { subject: string; body: string }, now = new Date(),
): Promise<BulkItem[]> {
  const db = forTenant(tenant.id);
  const rows = await db.volunteerProfile.findMany({
    where: { id: { in: ids } },
    select: { ...VOLUNTEER_CHANNELS, name: true, status: true, languages: true, user: { select: { email: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const active = rows.filter((r) => r.status === "ACTIVE");
  const url = publicTownUrl(tenant.slug, "/volunteer");
  const deliveries = new Map<string, Delivery[]>();
  await db.$transaction(async (tx) => {
    const sent = await notifyAll(tx, tenant, active.map((v) => ({
      to: volunteerContact(v.user, v), template: "staff-message" as const, kind: "NOTIFICATION" as const,
      locale: volunteerLocale(v.languages, tenant.defaultLocale), data: { ...message, url },
    })), now);
    for (const [i, v] of active.entries()) {
      deliveries.set(v.id, sent[i]);
      const outcomes = Object.fromEntries(sent[i].map((d) => [d.channel, d.outcome]));
      await writeAudit(tenant, { actorId, action: "volunteer.message", subjectType: "VolunteerProfile", subjectId: v.id, details: { subject: message.subject, outcomes } }, tx);
    }
  }, { timeout: 60_000 });
  return ids.map((id) => {
    const v = byId.get(id);
    if (!v) return skipped(id, id, "notFound");
    if (v.status !== "ACTIVE") return skipped(id, v.name, "volunteerNotActive");
    const d = deliveries.get(id) ?? [];
    const reached = d.filter((x) => x.outcome === "QUEUED" || x.outcome === "DEFERRED");
    if (reached.length === 0) return skipped(id, v.name, refusal(d));
    return done(id, v.name, { key: reached.every((x) => x.outcome === "DEFERRED") ? "deferred" : "sent" });
  });
}
