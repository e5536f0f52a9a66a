import { Prisma } from "@/generated/prisma/client";
import { rankCandidates } from "@/lib/matching/candidates";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

export type AlertCandidate = { id: string; score: number; lastAlertedAt: Date | null };

/**
 * Who the next wave of a request's alerts may go to, best first: the
 * matching's own ranking (lib/matching/candidates.ts: active volunteers who
 * offer the category and hold its checks, nearest first, scored), minus everyone who already
 * offered or was assigned and everyone already tried for this request. Among
 * equal scores, whoever was alerted least recently anywhere in the town goes
 * first (never alerted first, then by id), so the same people are not woken
 * for every request. Bounded like the ranking: its nearest-first read, then
 * one indexed look-up per pre-selected volunteer.
 */
export async function alertCandidates(tx: Tx, tenant: { id: string }, requestId: string, now = new Date()): Promise<AlertCandidate[]> {
  const ranked = (await rankCandidates(tenant, requestId, Number.POSITIVE_INFINITY, now)).filter((c) => c.responseStatus === null);
  if (ranked.length === 0) return [];
  const ids = ranked.map((c) => c.id);
  const tried = new Set((await tx.alert.findMany({ where: { requestId }, select: { volunteerId: true } })).map((a) => a.volunteerId));
  const last = new Map(
    (await tx.$queryRaw<{ volunteerId: string; at: Date }[]>`
      SELECT "volunteerId", max("createdAt") AS at FROM "Alert"
       WHERE "tenantId" = ${tenant.id} AND "volunteerId" IN (${Prisma.join(ids)}) AND alerted
       GROUP BY "volunteerId"`).map((r) => [r.volunteerId, r.at]),
  );
  return ranked
    .filter((c) => !tried.has(c.id))
    .map((c) => ({ id: c.id, score: c.score.total, lastAlertedAt: last.get(c.id) ?? null }))
    .sort((a, b) => b.score - a.score || (a.lastAlertedAt?.getTime() ?? 0) - (b.lastAlertedAt?.getTime() ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
