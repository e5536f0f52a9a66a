import { prisma } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { asCountry, defaultTimeZone, type Country } from "@/lib/locale/country";
import type { Tenant } from "@/generated/prisma/client";
import { forgetDirectory } from "@/lib/tenancy/directory";
import { systemDb } from "@/lib/tenancy/system";

export type TenantContext = Pick<
  Tenant,
  "id" | "slug" | "name" | "status" | "suspendedReason" | "mode" | "primaryColor" | "logoUrl" | "phone" | "email" | "responseCap" | "billingStatus" | "heroAlt" | "heroUpdatedAt"
> & { locales: Locale[]; defaultLocale: Locale; country: Country; timeZone: string };

// Every page on a town's host needs its tenant: keep lookups in memory for a
// short while. Changes made through this process invalidate at once; other
// instances converge within the TTL.
const TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;
const cache = new Map<string, { value: TenantContext | null; expires: number }>();

// The cached context never carries images: they are read only by their own routes.
const NO_IMAGES = { logo: true, heroImage: true, heroImageSmall: true } as const;

function toContext(t: Omit<Tenant, keyof typeof NO_IMAGES>): TenantContext {
  const locales = t.locales.filter(isLocale);
  const defaultLocale = isLocale(t.defaultLocale) ? t.defaultLocale : (locales[0] ?? "nl");
  return {
    id: t.id, slug: t.slug, name: t.name, status: t.status, suspendedReason: t.suspendedReason,
    mode: t.mode, primaryColor: t.primaryColor, logoUrl: t.logoUrl, phone: t.phone, email: t.email, responseCap: t.responseCap, billingStatus: t.billingStatus,
    heroAlt: t.heroAlt, heroUpdatedAt: t.heroUpdatedAt,
    locales: locales.length ? locales : [defaultLocale], defaultLocale,
    country: asCountry(t.country), timeZone: t.timeZone || defaultTimeZone(t.country),
  };
}

async function load(key: string): Promise<TenantContext | null> {
  if (key.includes(".")) {
    const domain = await systemDb.domain.findUnique({ where: { host: key }, include: { tenant: { omit: NO_IMAGES } } });
    return domain?.verifiedAt ? toContext(domain.tenant) : null;
  }
  const tenant = await prisma.tenant.findUnique({ where: { slug: key }, omit: NO_IMAGES });
  return tenant ? toContext(tenant) : null;
}

/** Resolves a town by slug, or by custom host (a key containing a dot). */
export async function resolveTenant(key: string): Promise<TenantContext | null> {
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  let value: TenantContext | null;
  try {
    value = await load(key);
  } catch (error) {
    // While the database restarts, a town known a moment ago is still that town.
    if (hit && isDatabaseUnavailable(error)) return hit.value;
    throw error;
  }
  cache.set(key, { value, expires: now + (value ? TTL_MS : MISS_TTL_MS) });
  return value;
}

/** Call after changing a tenant (settings, status, domains). */
export function invalidateTenant(tenant?: { slug: string }): void {
  forgetDirectory();
  if (!tenant) return cache.clear();
  for (const [key, entry] of cache) {
    if (key === tenant.slug || entry.value?.slug === tenant.slug) cache.delete(key);
  }
}
