import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { ChannelOutbox } from "@/lib/notifications/channels";
import { PUSH_TEMPLATES } from "@/lib/notifications/push-templates";
import { pushEnabled } from "@/lib/notifications/push-config";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

const BATCH = 1000;

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
  batch() {
    const rows: Prisma.OutboxPushCreateManyInput[] = [];
    return {
      add(m, outcome, now, due) {
        if (outcome !== "QUEUED" && outcome !== "DEFERRED") return null;
        const id = randomUUID();
        rows.push({ id, tenantId: m.tenantId, profileId: m.to, template: m.template, locale: m.locale, data: m.data as Prisma.InputJsonValue, createdAt: now, nextAttemptAt: due });
        return id;
      },
      async write(db) {
        for (let i = 0; i < rows.length; i += BATCH) await db.outboxPush.createMany({ data: rows.slice(i, i + BATCH) });
      },
    };
  },
};
