import { freshShared } from "@/lib/db/fresh-shared";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { onTenantWrite } from "@/lib/tenancy/writes";

export type TownCounters = { requests: number; volunteers: number; responses: number };

// The town's tallies (kept by the database on every write, migrations
// 20261130130000_town_tallies and 20261201100000): a read of a few dozen rows
// in a town of any size.
const TALLIED = ["request", "volunteer", "response"];

// Concurrent visitors share one read, still started after they asked.
const read = freshShared(async (tenantId): Promise<TownCounters> => {
  const tallies = await forTenant(tenantId).townTally.findMany({ where: { kind: { in: TALLIED } }, select: { kind: true, key: true, count: true } });
  const sum = (kind: string, except?: string) => tallies.reduce((n, t) => (t.kind === kind && t.key !== except ? n + t.count : n), 0);
  return { requests: sum("request", "CANCELLED"), volunteers: sum("volunteer", "BLOCKED"), responses: sum("response") };
});

// The home page is mostly anonymous visits to one public page: the figures
// are kept a few seconds, so a visit in between sends no statement at all
// (the read is a transaction of four round trips under the second wall).
// A write to the town through this process forgets them at once; writes by
// the worker or another instance show within TTL_MS.
export const TOWN_COUNTERS_TTL_MS = 5_000;
const kept = new Map<string, { value: TownCounters; expires: number }>();
// Writes seen per town: a read that overlapped one is served, not kept.
const writes = new Map<string, number>();

onTenantWrite((tenantId) => {
  kept.delete(tenantId);
  writes.set(tenantId, (writes.get(tenantId) ?? 0) + 1);
});

/** The public counters on a town's home page: requests not cancelled, volunteers not blocked, offers made. */
export async function getTownCounters(tenant: { id: string }): Promise<TownCounters> {
  const hit = kept.get(tenant.id);
  if (hit && hit.expires > Date.now()) return hit.value;
  const before = writes.get(tenant.id) ?? 0;
  const value = await read(tenant.id);
  if ((writes.get(tenant.id) ?? 0) === before) kept.set(tenant.id, { value, expires: Date.now() + TOWN_COUNTERS_TTL_MS });
  return value;
}
