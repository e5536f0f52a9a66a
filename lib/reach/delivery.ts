import type { NotificationDelivery } from "@/generated/prisma/client";
import { systemDb } from "@/lib/tenancy/system";

/**
 * What a channel's provider did with an outbox row, on the notification that
 * queued it (the town's reach figures count these). A confirmed delivery is
 * not undone by a late "sent" report arriving out of order.
 */
export async function recordDelivery(outboxId: string, delivery: NotificationDelivery): Promise<void> {
  await systemDb.notification.updateMany({
    where: { outboxId, ...(delivery === "SENT" ? { OR: [{ delivery: null }, { delivery: "SENT" }] } : {}) },
    data: { delivery },
  });
}
