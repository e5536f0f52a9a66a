import type { Role } from "@/generated/prisma/client";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

/** Only the town's safeguarding leads read and handle concerns (not in actions.ts: a "use server" file exports only actions). */
export const LEAD_ROLES: Role[] = ["SAFEGUARDING"];

/** The town's safeguarding leads (the SAFEGUARDING role the admin names) with their address. */
export async function safeguardingLeads(tenant: { id: string }, db: Pick<TenantDb, "membership"> = forTenant(tenant.id)) {
  const rows = await db.membership.findMany({ where: { role: "SAFEGUARDING" }, select: { userId: true, user: { select: { email: true } } } });
  return rows.map((r) => ({ userId: r.userId, email: r.user.email }));
}
