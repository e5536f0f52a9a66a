import { freshShared } from "@/lib/db/fresh-shared";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type TownCounters = { requests: number; volunteers: number; responses: number };

// The town's tallies (kept by the database on every write, migrations
// 20261130130000_town_tallies and 20261201100000): a read of a few dozen rows
// in a town of any size, so the figures are live everywhere.
const TALLIED = ["request", "volunteer", "response"];

// Concurrent visitors share one read, still started after they asked.
const read = freshShared(async (tenantId): Promise<TownCounters> => {
  const tallies = await forTenant(tenantId).townTally.findMany({ where: { kind: { in: TALLIED } }, select: { kind: true, key: true, count: true } });
  const sum = (kind: string, except?: string) => tallies.reduce((n, t) => (t.kind === kind && t.key !== except ? n + t.count : n), 0);
  return { requests: sum("request", "CANCELLED"), volunteers: sum("volunteer", "BLOCKED"), responses: sum("response") };
});

/** The public counters on a town's home page: requests not cancelled, volunteers not blocked, offers made. */
export async function getTownCounters(tenant: { id: string }): Promise<TownCounters> {
  return read(tenant.id);
}
