import type { Prisma } from "@/generated/prisma/client";
import { rowBatch, type ChannelOutbox } from "@/lib/notifications/channels";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/** The e-mail outbox: every template, and notifications over the daily cap held for the next digest. Only notify() queues here (see tests/unit/outbox-writers.test.ts). */
export const emailChannel: ChannelOutbox<Pick<TenantDb, "outboxEmail">> = {
  channel: "EMAIL",
  address: (to) => to.email,
  carries: () => true,
  recipient: (value) => value.trim().toLowerCase(),
  batch: () => rowBatch(
    (id, m, outcome, now, due) => outcome === "QUEUED" || outcome === "DEFERRED" || outcome === "CAPPED"
      ? {
        id, tenantId: m.tenantId, template: m.template, kind: m.kind, locale: m.locale, to: m.to, data: m.data as Prisma.InputJsonValue,
        // Over the cap an e-mail waits for the next digest; in the quiet hours it waits for the morning.
        status: outcome === "CAPPED" ? "HELD" : "PENDING",
        createdAt: now, nextAttemptAt: due,
      } satisfies Prisma.OutboxEmailCreateManyInput
      : null,
    (db, data) => db.outboxEmail.createMany({ data }),
  ),
};
