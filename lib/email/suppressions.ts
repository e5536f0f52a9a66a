import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";

export type SuppressionReason = "BOUNCE" | "COMPLAINT";

/** Why the outbox will not send to this address for this town (or for platform mail), if it will not. */
export async function suppressionFor(address: string, tenantId: string | null): Promise<SuppressionReason | null> {
  const row = await systemDb.emailSuppression.findFirst({
    where: { address: address.trim().toLowerCase(), OR: [{ tenantId: null }, ...(tenantId ? [{ tenantId }] : [])] },
    orderBy: { createdAt: "asc" },
    select: { reason: true },
  });
  return row?.reason ?? null;
}

/**
 * Records a provider's bounce or complaint, once per webhook delivery id.
 * A hard bounce stops every town's mail to the address; a complaint only
 * the mail of the town it came from. Returns false for a repeated delivery.
 */
export async function recordSuppression(input: { eventId: string; address: string; reason: SuppressionReason; providerMessageId?: string }): Promise<boolean> {
  let tenantId: string | null = null;
  if (input.reason === "COMPLAINT") {
    const sent = input.providerMessageId
      ? await systemDb.outboxEmail.findFirst({ where: { providerId: input.providerMessageId }, select: { tenantId: true } })
      : null;
    // A complaint about mail we cannot place stops nothing: it names no sender.
    if (!sent) return false;
    tenantId = sent.tenantId;
  }
  const data: Prisma.EmailSuppressionUncheckedCreateInput = { eventId: input.eventId, address: input.address.trim().toLowerCase(), reason: input.reason, tenantId };
  const created = await systemDb.emailSuppression.createMany({ data: [data], skipDuplicates: true });
  return created.count === 1;
}

/** Of these addresses, those the town's mail no longer reaches (for staff views). */
export async function undeliverableAmong(db: Pick<TenantDb, "emailSuppression">, addresses: (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()))];
  if (wanted.length === 0) return new Set();
  // Row-level security shows this town's complaints and every town's bounces only.
  const rows = await db.emailSuppression.findMany({ where: { address: { in: wanted } }, select: { address: true } });
  return new Set(rows.map((r) => r.address));
}
