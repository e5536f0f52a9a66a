import { freshShared } from "@/lib/db/fresh-shared";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type TownCounters = { requests: number; volunteers: number; responses: number };

// Counting a large town's rows takes tens of milliseconds (100,000 volunteers,
// 230,000 responses): concurrent visitors share one count, still started after they asked.
const count = freshShared(async (tenantId): Promise<TownCounters> => {
  const db = forTenant(tenantId);
  const [requests, volunteers, responses] = await Promise.all([
    db.helpRequest.count({ where: { status: { not: "CANCELLED" } } }),
    db.volunteerProfile.count({ where: { status: { not: "BLOCKED" } } }),
    db.response.count(),
  ]);
  return { requests, volunteers, responses };
});

/** The public counters on a town's home page. */
export function getTownCounters(tenant: { id: string }): Promise<TownCounters> {
  return count(tenant.id);
}
