import { Prisma } from "@/generated/prisma/client";
import { missingChecks, type CheckKind } from "@/lib/checks/kinds";
import { validCheckKinds } from "@/lib/checks/status";
import { localized, type Locale } from "@/lib/i18n/locales";
import { distanceKm } from "@/lib/matching/distance";
import { ACTIVE_RESPONSES } from "@/lib/matching/respond";
import { WHEN_SELECT, whenFromColumns, type WhenColumns } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

type Profile = { id: string; categoryIds: string[]; languages: string[]; maxDistanceKm: number; postcode: string; latitude: number | null; longitude: number | null };
type Row = WhenColumns & {
  id: string; neighbourhood: string | null; postcode: string | null; timeWindow: string; recurrence: string; publicSummary: string | null; contactless: boolean;
  locale: string; latitude: number | null; longitude: number | null; maxResponses: number | null; labels: unknown; requiredChecks: CheckKind[]; taken: number; responded: boolean;
};

// Requests read per call, nearest first: bounded, so a town with thousands of
// open requests costs about as much as a town with a few dozen.
const NEAREST = 200;
const KM_PER_DEGREE = 111.2;

/**
 * Open requests that fit a volunteer: their categories (any, when they chose
 * none), within their distance (when coordinates are known), not yet full
 * (unless they offered), nearest first, among the nearest 200 published
 * requests. Public fields only; and of a request whose category needs checks
 * the volunteer lacks, not even those: only which checks it needs.
 */
export async function requestsForVolunteer(tenant: Tenant<"defaultLocale" | "responseCap">, profile: Profile, locale: Locale) {
  const { latitude: lat, longitude: lng } = profile;
  const located = lat != null && lng != null;
  // A box around the volunteer (requests without coordinates always pass), then the exact distance below.
  const dLat = profile.maxDistanceKm / KM_PER_DEGREE;
  const dLng = located ? profile.maxDistanceKm / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)) : 0;
  const near = located
    ? Prisma.sql`AND (h.latitude IS NULL OR h.longitude IS NULL OR (h.latitude BETWEEN ${lat - dLat} AND ${lat + dLat} AND h.longitude BETWEEN ${lng - dLng} AND ${lng + dLng}))`
    : Prisma.empty;
  const order = located
    ? Prisma.sql`(h.latitude - ${lat}) ^ 2 + ((h.longitude - ${lng}) * ${Math.cos((lat * Math.PI) / 180)}) ^ 2 NULLS LAST, h."publishedAt" DESC`
    : Prisma.sql`h."publishedAt" DESC`;
  const fits = profile.categoryIds.length ? Prisma.sql`AND h."categoryId" IN (${Prisma.join(profile.categoryIds)})` : Prisma.empty;
  const active = Prisma.join(ACTIVE_RESPONSES.map((s) => Prisma.sql`${s}::"ResponseStatus"`));
  const valid = await validCheckKinds(tenant, profile.id);
  const rows = await forTenant(tenant.id).$queryRaw<Row[]>`
    SELECT h.id, h.neighbourhood, h.postcode, h."timeWindow", h."whenKind", h."whenDate", h."whenWeekday", h."whenPart", h.recurrence, h."publicSummary", h.contactless, h.locale, h.latitude, h.longitude, h."maxResponses",
           c.labels, c."requiredChecks"::text[] AS "requiredChecks",
           (SELECT count(*) FROM "Response" r WHERE r."tenantId" = h."tenantId" AND r."requestId" = h.id AND r.status IN (${active}))::int AS taken,
           EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = h."tenantId" AND r."requestId" = h.id AND r."volunteerId" = ${profile.id} AND r.status IN (${active})) AS responded
      FROM (SELECT h.* FROM "HelpRequest" h
             WHERE h."tenantId" = ${tenant.id} AND h.status = 'OPEN' AND h."publishedAt" IS NOT NULL ${fits} ${near}
             ORDER BY ${order}
             LIMIT ${NEAREST}) h
      JOIN "Category" c ON c."tenantId" = h."tenantId" AND c.id = h."categoryId"`;
  return rows
    .map((r) => ({ r, missingChecks: missingChecks(r.requiredChecks, valid) }))
    .map(({ r, missingChecks }) => ({
      id: r.id, neighbourhood: r.neighbourhood || r.postcode, timeWindow: r.timeWindow, when: whenFromColumns(r), weekly: r.recurrence === "WEEKLY",
      publicSummary: missingChecks.length ? null : r.publicSummary, missingChecks,
      contactless: r.contactless, category: localized(r.labels, locale, tenant.defaultLocale),
      speaksLanguage: profile.languages.includes(r.locale),
      distanceKm: distanceKm(profile, r),
      full: r.taken >= (r.maxResponses ?? tenant.responseCap),
      responded: r.responded,
    }))
    .filter((r) => r.distanceKm == null || r.distanceKm <= profile.maxDistanceKm)
    .filter((r) => !r.full || r.responded)
    .sort((a, b) => (a.distanceKm ?? 99) - (b.distanceKm ?? 99));
}

/**
 * The volunteer's own offers and what became of them. The resident's contact
 * details appear only on offers that were chosen (ASSIGNED).
 */
export async function myResponses(tenant: Tenant<"defaultLocale" | "responseCap">, profile: { id: string }, locale: Locale) {
  const rows = await forTenant(tenant.id).response.findMany({
    where: { volunteerId: profile.id, status: { not: "WITHDRAWN" } },
    select: {
      status: true, createdAt: true,
      request: {
        select: {
          id: true, reference: true, status: true, timeWindow: true, recurrence: true, ...WHEN_SELECT, publicSummary: true, contactless: true, neighbourhood: true,
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
      status, createdAt, requestId: r.id, requestStatus: r.status, timeWindow: r.timeWindow, when: whenFromColumns(r), weekly: r.recurrence === "WEEKLY", publicSummary: r.publicSummary,
      contactless: r.contactless, neighbourhood: r.neighbourhood, category: localized(r.category.labels, locale, tenant.defaultLocale),
      done: r.assignments.some((a) => a.doneAt),
    };
    return status === "ASSIGNED"
      ? { ...base, contact: { reference: r.reference, name: r.residentName, phone: r.residentPhone, address: [r.residentAddress, r.postcode].filter(Boolean).join(", "), description: r.description, contactMethod: r.contactMethod } }
      : { ...base, contact: null };
  });
}
