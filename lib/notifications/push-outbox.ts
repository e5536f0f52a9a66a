import type { Prisma } from "@/generated/prisma/client";
import { rowBatch, type ChannelOutbox } from "@/lib/notifications/channels";
import { PUSH_TEMPLATES } from "@/lib/notifications/push-templates";
import { pushEnabled } from "@/lib/notifications/push-config";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/**
 * The web push outbox: one row per message and volunteer (the address is the
 * profile), sent by lib/push/dispatch.ts to each browser they subscribed.
 * Without VAPID keys nothing is queued here. Over the cap a push is dropped,
 * not held: the e-mail digest carries what was missed.
 */
export const pushChannel: ChannelOutbox<Pick<TenantDb, "outboxPush">> = {
  channel: "PUSH",
  address: (to) => to.push,
  carries: (template) => template in PUSH_TEMPLATES && pushEnabled(),
  recipient: (value) => value,
  batch: () => rowBatch(
    (id, m, outcome, now, due) => outcome === "QUEUED" || outcome === "DEFERRED"
      ? { id, tenantId: m.tenantId, profileId: m.to, template: m.template, locale: m.locale, data: m.data as Prisma.InputJsonValue, createdAt: now, nextAttemptAt: due } satisfies Prisma.OutboxPushCreateManyInput
      : null,
    (db, data) => db.outboxPush.createMany({ data }),
  ),
};
