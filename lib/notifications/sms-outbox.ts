import type { Prisma } from "@/generated/prisma/client";
import { rowBatch, type ChannelOutbox } from "@/lib/notifications/channels";
import { SMS_TEMPLATES } from "@/lib/notifications/sms-templates";
import { normalizePhone } from "@/lib/phone/normalize";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/**
 * The SMS outbox: the templates registered in SMS_TEMPLATES, to the person's
 * mobile number in E.164. A number that answered STOP is never texted
 * (SmsOptOut). Over the daily cap a text is not held for later: the record
 * says CAPPED and the e-mail digest carries the news. Sent by lib/sms/dispatch.ts.
 */
export const smsChannel: ChannelOutbox<Pick<TenantDb, "outboxSms" | "smsOptOut">> = {
  channel: "SMS",
  address: (to) => to.phone,
  carries: (template) => Object.hasOwn(SMS_TEMPLATES, template),
  // Numbers are stored in E.164 already; one typed otherwise is read as a Belgian one.
  recipient: (value) => normalizePhone(value) ?? value.replace(/[^\d+]/g, ""),
  async withdrawn(db, recipients) {
    const rows = await db.smsOptOut.findMany({ where: { phone: { in: recipients } }, select: { phone: true } });
    return new Set(rows.map((r) => r.phone));
  },
  batch: () => rowBatch(
    (id, m, outcome, now, due) => outcome === "QUEUED" || outcome === "DEFERRED"
      ? { id, tenantId: m.tenantId, template: m.template, locale: m.locale, to: m.to, data: m.data as Prisma.InputJsonValue, createdAt: now, nextAttemptAt: due } satisfies Prisma.OutboxSmsCreateManyInput
      : null,
    (db, data) => db.outboxSms.createMany({ data }),
  ),
};
