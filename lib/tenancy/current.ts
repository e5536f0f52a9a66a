import { notFound } from "next/navigation";
import { cache } from "react";
import { resolveTenant, type TenantContext } from "@/lib/tenancy/resolve";

/** The town of the current request (from the `[tenant]` segment); 404 when unknown. */
export const currentTenant = cache(async (key: string): Promise<TenantContext> => {
  const tenant = await resolveTenant(decodeURIComponent(key));
  if (!tenant) notFound();
  return tenant;
});
