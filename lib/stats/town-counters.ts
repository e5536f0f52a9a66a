import { forTenant } from "@/lib/tenancy/for-tenant";

export type TownCounters = { requests: number; volunteers: number; responses: number };

/** The public counters on a town's home page. */
export async function getTownCounters(tenant: { id: string }): Promise<TownCounters> {
  const db = forTenant(tenant.id);
  const [requests, volunteers, responses] = await Promise.all([
    db.helpRequest.count({ where: { status: { not: "CANCELLED" } } }),
    db.volunteerProfile.count({ where: { status: { not: "BLOCKED" } } }),
    db.response.count(),
  ]);
  return { requests, volunteers, responses };
}
