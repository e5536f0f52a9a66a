import type { Role } from "@/generated/prisma/client";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** The roles a user holds in one town. */
export async function rolesInTenant(tenant: { id: string }, userId: string): Promise<Role[]> {
  const rows = await forTenant(tenant.id).membership.findMany({
    where: { userId },
    select: { role: true },
    orderBy: { role: "asc" },
  });
  return rows.map((r) => r.role);
}
