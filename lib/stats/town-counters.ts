import { freshShared } from "@/lib/db/fresh-shared";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type TownCounters = { requests: number; volunteers: number; responses: number };

// Counting costs time in proportion to the rows counted: a few dozen
// milliseconds in a town of 100,000 volunteers and 230,000 responses, about
// one in a town of a thousand. Large towns' counters are kept for a while
// (their figures are large and move constantly); others stay live.
const LARGE = 10_000; // rows counted
const KEEP_MS = 30_000;
const kept = new Map<string, { counters: TownCounters; until: number }>();

// Concurrent visitors share one count, still started after they asked.
const count = freshShared(async (tenantId): Promise<TownCounters> => {
  const db = forTenant(tenantId);
  const [requests, volunteers, responses] = await Promise.all([
    db.helpRequest.count({ where: { status: { not: "CANCELLED" } } }),
    db.volunteerProfile.count({ where: { status: { not: "BLOCKED" } } }),
    db.response.count(),
  ]);
  const counters = { requests, volunteers, responses };
  if (requests + volunteers + responses >= LARGE) kept.set(tenantId, { counters, until: Date.now() + KEEP_MS });
  return counters;
});

/** The public counters on a town's home page: live, or at most 30 seconds old in a large town. */
export async function getTownCounters(tenant: { id: string }): Promise<TownCounters> {
  const hit = kept.get(tenant.id);
  if (hit && hit.until > Date.now()) return hit.counters;
  return count(tenant.id);
}
