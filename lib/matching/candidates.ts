import { Prisma } from "@/generated/prisma/client";
import { NotFoundInTenant } from "@/lib/requests/errors";
import { distanceKm } from "@/lib/matching/distance";
import { scoreCandidate, USEFUL_SKILLS, type ScoreParts } from "@/lib/matching/score";
import { WHEN_SELECT, whenFromColumns, whenSlots } from "@/lib/requests/when";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type Candidate = {
  id: string; name: string; postcode: string; distanceKm: number | null; recentAssignments: number;
  responseStatus: string | null; responseMessage: string | null; score: ScoreParts;
};

type Row = {
  id: string; name: string; postcode: string; latitude: number | null; longitude: number | null; maxDistanceKm: number;
  categoryIds: string[]; languages: string[]; availability: string[]; skills: string[];
  recent: number; responseStatus: string | null; responseMessage: string | null;
};

const PREFILTER = 400; // rows scored in memory; the SQL already keeps the nearest fitting ones
const RADIUS_KM = 50;

/**
 * Volunteers for a request, best first, with the score's parts so the
 * coordinator sees why. Everyone who offered to help is included; beyond them,
 * active volunteers who offer the category, nearest first.
 */
export async function rankCandidates(tenant: { id: string }, requestId: string, limit = 25): Promise<Candidate[]> {
  const db = forTenant(tenant.id);
  const request = await db.helpRequest.findFirst({
    where: { id: requestId },
    select: { categoryId: true, locale: true, postcode: true, latitude: true, longitude: true, ...WHEN_SELECT, category: { select: { key: true } } },
  });
  if (!request) throw new NotFoundInTenant("request");

  const { latitude: lat, longitude: lng } = request;
  const near = lat != null && lng != null
    ? Prisma.sql`v.latitude BETWEEN ${lat - RADIUS_KM / 111} AND ${lat + RADIUS_KM / 111}
                 AND v.longitude BETWEEN ${lng - RADIUS_KM / 70} AND ${lng + RADIUS_KM / 70}`
    : Prisma.sql`TRUE`;
  const order = lat != null && lng != null
    ? Prisma.sql`(v.latitude - ${lat}) ^ 2 + ((v.longitude - ${lng}) * 0.64) ^ 2`
    : Prisma.sql`(v.postcode <> ${request.postcode})::int, v."lastAssignedAt" NULLS FIRST`;

  // Responders, plus the nearest volunteers offering the category (found
  // through the GIN index on categoryIds); the per-volunteer assignment count
  // is computed for those rows only.
  const rows = await db.$queryRaw<Row[]>`
    WITH responders AS (
      SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, r.status::text AS "responseStatus", r.message AS "responseMessage"
        FROM "Response" r JOIN "VolunteerProfile" v ON v."tenantId" = r."tenantId" AND v.id = r."volunteerId"
       WHERE r."tenantId" = ${tenant.id} AND r."requestId" = ${requestId} AND v.status = 'ACTIVE'
    ), fitting AS (
      SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM "VolunteerProfile" v
       WHERE v."tenantId" = ${tenant.id} AND v.status = 'ACTIVE' AND v."categoryIds" @> ARRAY[${request.categoryId}]::text[] AND ${near}
         AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = v."tenantId" AND r."requestId" = ${requestId} AND r."volunteerId" = v.id)
       ORDER BY ${order}
       LIMIT ${PREFILTER}
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*,
           (SELECT count(*) FROM "Assignment" a
             WHERE a."tenantId" = near."tenantId" AND a."volunteerId" = near.id AND a."createdAt" > now() - interval '30 days')::int AS recent
      FROM near`;

  const slots = whenSlots(whenFromColumns(request));
  const useful = USEFUL_SKILLS[request.category.key] ?? [];
  return rows
    .map((v) => {
      const km = distanceKm(v, request);
      return {
        id: v.id, name: v.name, postcode: v.postcode, distanceKm: km == null ? null : Math.round(km * 10) / 10,
        recentAssignments: v.recent, responseStatus: v.responseStatus, responseMessage: v.responseMessage,
        score: scoreCandidate({
          distanceKm: km, samePostcode: v.postcode === request.postcode, maxDistanceKm: v.maxDistanceKm,
          offersCategory: v.categoryIds.includes(request.categoryId), hasUsefulSkill: v.skills.some((s) => useful.includes(s)),
          speaksLanguage: v.languages.includes(request.locale), requestSlots: slots, availability: v.availability,
          recentAssignments: v.recent,
        }),
      };
    })
    .filter((c) => c.responseStatus !== null || c.distanceKm == null || c.distanceKm <= RADIUS_KM)
    .sort((a, b) => Number(b.responseStatus === "PENDING") - Number(a.responseStatus === "PENDING") || b.score.total - a.score.total)
    .slice(0, limit);
}
