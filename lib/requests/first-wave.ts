import type { TenantMode } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

// Here rather than in lib/alerts: publishing (lib/requests) queues the first
// wave, and lib/alerts reads the matching, which assigns through lib/requests.

type Town = { mode: TenantMode; alertBatchActive: number; alertBatchCrisis: number };
/** How many volunteers a wave alerts in the town's current mode. */
export const waveSize = (town: Town) => (town.mode === "CRISIS" ? town.alertBatchCrisis : town.alertBatchActive);

/**
 * Publishing a request in active or crisis mode queues its first wave of
 * alerts, due at once, in the publishing transaction; the worker sends it
 * within seconds (sendDueWaves), so publishing stays as fast as before. A
 * dormant town sends none: its volunteers keep the daily digest. Publishing
 * again (after a step back to NEW) queues nothing new.
 */
export async function queueFirstWave(tx: Tx, tenant: { id: string }, requestId: string, now = new Date()): Promise<void> {
  const town = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { mode: true, alertBatchActive: true, alertBatchCrisis: true } });
  if (town.mode === "DORMANT") return;
  await tx.alertWave.createMany({
    data: [{ tenantId: tenant.id, requestId, number: 1, mode: town.mode, size: waveSize(town), dueAt: now }],
    skipDuplicates: true,
  });
}
