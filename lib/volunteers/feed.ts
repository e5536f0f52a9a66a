import { localized, type Locale } from "@/lib/i18n/locales";
import { distanceKm } from "@/lib/matching/distance";
import { ACTIVE_RESPONSES } from "@/lib/matching/respond";
import { forTenant } from "@/lib/tenancy/for-tenant";

type Tenant = { id: string; defaultLocale: Locale; responseCap: number };
type Profile = { id: string; categoryIds: string[]; languages: string[]; maxDistanceKm: number; postcode: string; latitude: number | null; longitude: number | null };

/**
 * Open requests that fit a volunteer: their categories, within their distance
 * (when coordinates are known), not yet full. Public fields only.
 */
export async function requestsForVolunteer(tenant: Tenant, profile: Profile, locale: Locale) {
  const rows = await forTenant(tenant.id).helpRequest.findMany({
    where: {
      status: "OPEN", publishedAt: { not: null },
      ...(profile.categoryIds.length ? { categoryId: { in: profile.categoryIds } } : {}),
    },
    select: {
      id: true, neighbourhood: true, postcode: true, timeWindow: true, publicSummary: true, contactless: true, locale: true,
      latitude: true, longitude: true, maxResponses: true, publishedAt: true,
      category: { select: { labels: true } },
      responses: { where: { status: { in: [...ACTIVE_RESPONSES] } }, select: { volunteerId: true } },
    },
    orderBy: { publishedAt: "desc" },
    take: 300,
  });
  return rows
    .map((r) => ({
      id: r.id, neighbourhood: r.neighbourhood || r.postcode, timeWindow: r.timeWindow, publicSummary: r.publicSummary,
      contactless: r.contactless, category: localized(r.category.labels, locale, tenant.defaultLocale),
      speaksLanguage: profile.languages.includes(r.locale),
      distanceKm: distanceKm(profile, r),
      full: r.responses.length >= (r.maxResponses ?? tenant.responseCap),
      responded: r.responses.some((x) => x.volunteerId === profile.id),
    }))
    .filter((r) => r.distanceKm == null || r.distanceKm <= profile.maxDistanceKm)
    .filter((r) => !r.full || r.responded)
    .sort((a, b) => (a.distanceKm ?? 99) - (b.distanceKm ?? 99));
}

/**
 * The volunteer's own offers and what became of them. The resident's contact
 * details appear only on offers that were chosen (ASSIGNED).
 */
export async function myResponses(tenant: Tenant, profile: { id: string }, locale: Locale) {
  const rows = await forTenant(tenant.id).response.findMany({
    where: { volunteerId: profile.id, status: { not: "WITHDRAWN" } },
    select: {
      status: true, createdAt: true,
      request: {
        select: {
          id: true, reference: true, status: true, timeWindow: true, publicSummary: true, contactless: true, neighbourhood: true,
          residentName: true, residentPhone: true, residentAddress: true, postcode: true, description: true, contactMethod: true,
          category: { select: { labels: true } },
          assignments: { where: { volunteerId: profile.id }, select: { doneAt: true } },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(({ status, createdAt, request: r }) => {
    const base = {
      status, createdAt, requestId: r.id, requestStatus: r.status, timeWindow: r.timeWindow, publicSummary: r.publicSummary,
      contactless: r.contactless, neighbourhood: r.neighbourhood, category: localized(r.category.labels, locale, tenant.defaultLocale),
      done: r.assignments.some((a) => a.doneAt),
    };
    return status === "ASSIGNED"
      ? { ...base, contact: { reference: r.reference, name: r.residentName, phone: r.residentPhone, address: [r.residentAddress, r.postcode].filter(Boolean).join(", "), description: r.description, contactMethod: r.contactMethod } }
      : { ...base, contact: null };
  });
}
