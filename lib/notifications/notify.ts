import type { Prisma } from "@/generated/prisma/client";
import type { TemplateData, TemplateName } from "@/lib/email/templates";
import type { Contact } from "@/lib/notifications/contacts";
import type { ChannelOutbox } from "@/lib/notifications/channels";
import { emailChannel } from "@/lib/notifications/email-outbox";
import { smsChannel } from "@/lib/notifications/sms-outbox";
import { pushChannel } from "@/lib/notifications/push-outbox";
import { decide, dueAt, localDay, type Channel, type Kind, type Outcome } from "@/lib/notifications/policy";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/** What notify() writes and reads: every channel's outbox, the records, the town's policy. */
export type NotifyDb = Pick<TenantDb, "outboxEmail" | "outboxSms" | "smsOptOut" | "outboxPush" | "notification" | "tenant" | "$executeRaw">;
type Db = NotifyDb;

export type Message<N extends TemplateName> = {
  to: Contact;
  /** The person's language. */
  locale: string;
  template: N;
  data: TemplateData<N>;
  /** TRANSACTIONAL unless said otherwise (see policy.ts). */
  kind?: Kind;
  /** Goes out in the quiet hours too (still within the daily cap). */
  urgent?: boolean;
  /** What caused it, for the town's reach figures (e.g. `alert-wave:<id>`); never personal data. */
  ref?: string;
};

export type Delivery = { channel: Channel; outcome: Outcome; outboxId: string | null; dueAt: Date };

/** Every channel a person can be reached on, in the order they are tried. */
const CHANNELS: readonly ChannelOutbox<Db>[] = [emailChannel, smsChannel, pushChannel];
const BATCH = 1000;

/**
 * Informs a person: the one way anything in Helpt reaches someone. Pass the
 * transaction of the change that causes it, so the message exists exactly
 * when the change does. Per channel the town's policy decides (consent,
 * confirmed address, daily cap, quiet hours); what was not sent at once is
 * recorded with the reason.
 */
export async function notify<N extends TemplateName>(db: Db, tenant: { id: string }, message: Message<N>, now = new Date()): Promise<Delivery[]> {
  return (await notifyAll(db, tenant, [message], now))[0];
}

/** notify() for many people at once (e.g. every volunteer of a town), written in batches. */
export async function notifyAll<N extends TemplateName>(db: Db, tenant: { id: string }, messages: Message<N>[], now = new Date()): Promise<Delivery[][]> {
  const town = messages.some((m) => m.kind === "NOTIFICATION")
    ? await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { timeZone: true, emailsPerDay: true } })
    : null;
  const batches = new Map(CHANNELS.map((c) => [c, c.batch()]));
  const withdrawn = await withdrawnAddresses(db, messages);
  const records: Prisma.NotificationCreateManyInput[] = [];
  // Counted messages of this batch, per person, channel and day: the database sees them only once written.
  const batchUse = new Map<string, number>();
  const results: Delivery[][] = [];
  for (const m of messages) {
    const kind = m.kind ?? "TRANSACTIONAL";
    const urgent = m.urgent ?? false;
    const deliveries: Delivery[] = [];
    for (const [outbox, batch] of batches) {
      const { channel } = outbox;
      const address = outbox.address(m.to);
      if (!address || !outbox.carries(m.template)) continue;
      const recipient = outbox.recipient(address.value);
      const due = town ? dueAt(now, town.timeZone, { kind, urgent }) : now;
      let usedThatDay = 0;
      let bucket = "";
      const person = { ...address, optedOut: address.optedOut || (withdrawn.get(outbox)?.has(recipient) ?? false) };
      // Consent, confirmation and opt-out need no count: only a message they let through is counted against the cap.
      const gate = decide({ channel, kind, address: person, now, due, usedThatDay: 0, cap: Number.POSITIVE_INFINITY });
      if (town && kind === "NOTIFICATION" && (gate === "QUEUED" || gate === "DEFERRED")) {
        // Serialise per person and channel so two concurrent notifications cannot both slip under the cap.
        await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${tenant.id}:${channel}:${recipient}`}))`;
        const day = localDay(due, town.timeZone);
        bucket = `${channel}:${recipient}:${day.start.toISOString()}`;
        usedThatDay = (batchUse.get(bucket) ?? 0) + await db.notification.count({
          where: { tenantId: tenant.id, channel, recipient, counted: true, outcome: { in: ["QUEUED", "DEFERRED"] }, dueAt: { gte: day.start, lt: day.end } },
        });
      }
      const outcome = decide({ channel, kind, address: person, now, due, usedThatDay, cap: town?.emailsPerDay ?? 0 });
      const outboxId = batch.add({ tenantId: tenant.id, template: m.template, kind, locale: m.locale, to: recipient, data: m.data }, outcome, now, due);
      if (bucket && (outcome === "QUEUED" || outcome === "DEFERRED")) batchUse.set(bucket, (batchUse.get(bucket) ?? 0) + 1);
      // A transactional message queued at once is its own record (the outbox row), unless its cause is counted in the town's reach figures.
      if (kind === "NOTIFICATION" || outcome !== "QUEUED" || m.ref) {
        records.push({ tenantId: tenant.id, channel, template: m.template, recipient, counted: kind === "NOTIFICATION", urgent, outcome, dueAt: due, outboxId, ref: m.ref ?? null, createdAt: now });
      }
      deliveries.push({ channel, outcome, outboxId, dueAt: due });
    }
    results.push(deliveries);
  }
  for (const batch of batches.values()) await batch.write(db);
  for (let i = 0; i < records.length; i += BATCH) await db.notification.createMany({ data: records.slice(i, i + BATCH) });
  return results;
}

/** Per channel, the recipients of these messages who withdrew it: one query per channel, not per person. */
async function withdrawnAddresses(db: Db, messages: Message<TemplateName>[]): Promise<Map<ChannelOutbox<Db>, Set<string>>> {
  const result = new Map<ChannelOutbox<Db>, Set<string>>();
  for (const outbox of CHANNELS) {
    if (!outbox.withdrawn) continue;
    const recipients = new Set<string>();
    for (const m of messages) {
      const address = outbox.address(m.to);
      if (address && outbox.carries(m.template)) recipients.add(outbox.recipient(address.value));
    }
    if (recipients.size > 0) result.set(outbox, await outbox.withdrawn(db, [...recipients]));
  }
  return result;
}
