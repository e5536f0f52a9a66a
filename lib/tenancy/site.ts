import { headers } from "next/headers";
import { cache } from "react";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { resolveTenant, type TenantContext } from "@/lib/tenancy/resolve";
import { apexOrigin, publicOrigin, townOrigin } from "@/lib/tenancy/urls";

/**
 * The site a request is on: the apex (key "") or a town, by the key proxy.ts
 * derived from Host (a slug or a custom host). Its origin is rebuilt from the
 * database — the town's slug, or a custom domain only once verified — so no
 * header can choose where links point.
 */
export type Site = { key: string; tenant: TenantContext | null; origin: string };

/** The current request's site, once per request; null when the host names no known town. */
export const currentSite = cache(async (): Promise<Site | null> => {
  const key = (await headers()).get(TENANT_HEADER) ?? "";
  if (!key) return { key, tenant: null, origin: apexOrigin() };
  const tenant = await resolveTenant(key);
  if (!tenant) return null;
  return { key, tenant, origin: key.includes(".") ? publicOrigin(key) : townOrigin(tenant.slug) };
});

/** The identity rate limits and sign-in tokens are keyed on: the town's id, or "apex". */
export const siteId = (site: Site) => site.tenant?.id ?? "apex";
