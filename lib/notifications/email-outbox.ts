import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

/** The e-mail outbox's row for a decision; only notify() builds these (see tests/unit/outbox-writers.test.ts). */
export function emailOutboxRow(
  m: { tenantId: string; template: string; kind: "TRANSACTIONAL" | "NOTIFICATION"; locale: string; to: string; data: unknown },
  outcome: "QUEUED" | "DEFERRED" | "CAPPED",
  now: Date,
  due: Date,
): Prisma.OutboxEmailCreateManyInput {
  return {
    // Chosen here, so the decision's record can name it before the batch is written.
    id: randomUUID(),
    tenantId: m.tenantId, template: m.template, kind: m.kind, locale: m.locale, to: m.to, data: m.data as Prisma.InputJsonValue,
    // Over the cap an e-mail waits for the next digest; in the quiet hours it waits for the morning.
    status: outcome === "CAPPED" ? "HELD" : "PENDING",
    createdAt: now, nextAttemptAt: due,
  };
}
