import { notFound } from "next/navigation";
import { cache } from "react";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import type { TenantContext } from "@/lib/tenancy/resolve";
import { currentSite } from "@/lib/tenancy/site";

// The one way layouts, pages, generateMetadata, route handlers and server
// actions find their town: the key proxy.ts derived from Host (never the URL
// segment, never a form field or bound argument), resolved once per request.

/** The town this request is on, or null on the apex or an unknown host (route handlers answer their own 404). */
export const requestTenant = cache(async (): Promise<TenantContext | null> => (await currentSite())?.tenant ?? null);

/** The town this request is on; 404 when there is none. */
export const currentTenant = cache(async (): Promise<TenantContext> => {
  const tenant = await requestTenant();
  if (!tenant) notFound();
  return tenant;
});

/** The current town's scoped client, built once per request and passed down. */
export const currentDb = cache(async (): Promise<TenantDb> => forTenant((await currentTenant()).id));
