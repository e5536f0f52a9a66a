import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { resolveTenant, type TenantContext } from "@/lib/tenancy/resolve";

/** The town a server action was posted to, from the header proxy.ts sets (never from the form). */
export async function tenantOfRequest(): Promise<TenantContext> {
  const key = (await headers()).get(TENANT_HEADER);
  const tenant = key ? await resolveTenant(key) : null;
  if (!tenant) notFound();
  return tenant;
}
