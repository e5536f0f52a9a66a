import type { Role } from "@/generated/prisma/client";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

/** Only the town's safeguarding leads read and handle concerns (not in actions.ts: a "use server" file exports only actions). */
export const LEAD_ROLES: Role[] = ["SAFEGUARDING"];

async function membersWithRole(db: Pick<TenantDb, "membership">, role: Role) {
  const rows = await db.membership.findMany({ where: { role }, select: { userId: true, user: { select: { email: true } } } });
  return rows.map((r) => ({ userId: r.userId, email: r.user.email }));
}

/** The town's safeguarding leads (the SAFEGUARDING role the admin names) with their address. */
export const safeguardingLeads = (tenant: { id: string }, db: Pick<TenantDb, "membership"> = forTenant(tenant.id)) => membersWithRole(db, "SAFEGUARDING");

/** The town's admins, told of a concern no lead may read (none named, or the only lead is the one it names). */
export const townAdmins = (db: Pick<TenantDb, "membership">) => membersWithRole(db, "ADMIN");
