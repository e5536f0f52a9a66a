import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { ChannelOutbox } from "@/lib/notifications/channels";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

const BATCH = 1000;

/** The e-mail outbox: every template, and notifications over the daily cap held for the next digest. Only notify() queues here (see tests/unit/outbox-writers.test.ts). */
export const emailChannel: ChannelOutbox<Pick<TenantDb, "outboxEmail">> = {
  channel: "EMAIL",
  address: (to) => to.email,
  carries: () => true,
  recipient: (value) => value.trim().toLowerCase(),
  batch() {
    const rows: Prisma.OutboxEmailCreateManyInput[] = [];
    return {
      add(m, outcome, now, due) {
        if (outcome !== "QUEUED" && outcome !== "DEFERRED" && outcome !== "CAPPED") return null;
        // Chosen here, so the decision's record can name it before the batch is written.
        const id = randomUUID();
        rows.push({
          id, tenantId: m.tenantId, template: m.template, kind: m.kind, locale: m.locale, to: m.to, data: m.data as Prisma.InputJsonValue,
          // Over the cap an e-mail waits for the next digest; in the quiet hours it waits for the morning.
          status: outcome === "CAPPED" ? "HELD" : "PENDING",
          createdAt: now, nextAttemptAt: due,
        });
        return id;
      },
      async write(db) {
        for (let i = 0; i < rows.length; i += BATCH) await db.outboxEmail.createMany({ data: rows.slice(i, i + BATCH) });
      },
    };
  },
};
