import { Prisma } from "@/generated/prisma/client";
import { NotFoundInTenant } from "@/lib/errors";
import { distanceKm } from "@/lib/matching/distance";
import { scoreCandidate, USEFUL_SKILLS, type ScoreParts } from "@/lib/matching/score";
import { WHEN_SELECT, whenFromColumns, whenSlots } from "@/lib/when/when";
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
export const FIRST_REACH = 2_000; // nearest active volunteers read in the first round: ~25% offer a given category
const WIDEN = 4;
// Degrees of longitude are shorter than degrees of latitude (cos 50° ≈ 0.64):
// distances are compared on (longitude × 0.64, latitude), the expression the
// volunteers' location index (GiST, nearest first) is built on.
const LNG_SCALE = Prisma.raw("0.64"); // a constant, so the planner matches the index expression

type Request = { postcode: string; latitude: number | null; longitude: number | null; categoryId: string };

/**
 * The responders to a request plus, for a request with coordinates, the
 * nearest active volunteers offering its category within the 50 km box:
 * read nearest first from the location index (index-only: categories and
 * coordinates are in it), `reach` at a time, widening only when too few of
 * them fit. What it costs depends on how many are read, not on the town's size.
 */
async function nearestFitting(tenantId: string, requestId: string, request: Located): Promise<Row[]> {
  const db = forTenant(tenantId);
  for (let reach = FIRST_REACH; ; reach *= WIDEN) {
    const rows = await db.$queryRaw<(Row & { id: string | null; reached: number })[]>(nearestFittingSql(tenantId, requestId, request, reach));
    const found = rows.filter((r): r is Row & { id: string; reached: number } => r.id !== null);
    const fitting = found.filter((r) => r.responseStatus === null).length;
    if (fitting >= PREFILTER || rows[0].reached < reach) return found;
  }
}

type Located = Request & { latitude: number; longitude: number };

/** One round's statement (the bench times it alone): responders and the fitting among the `reach` nearest, plus how many were read. */
export function nearestFittingSql(tenantId: string, requestId: string, request: Located, reach: number): Prisma.Sql {
  const { latitude: lat, longitude: lng } = request;
  const here = Prisma.sql`point(${lng}::float8 * ${LNG_SCALE}, ${lat}::float8)`;
  return Prisma.sql`
    WITH responders AS (${responders(tenantId, requestId)}
    ), nearest AS (
      SELECT v.id, v."categoryIds", v.latitude, v.longitude, point(v.longitude * ${LNG_SCALE}, v.latitude) <-> ${here} AS distance
        FROM "VolunteerProfile" v
       WHERE v."tenantId" = ${tenantId} AND v.status = 'ACTIVE' AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL
       ORDER BY point(v.longitude * ${LNG_SCALE}, v.latitude) <-> ${here}
       LIMIT ${reach}
    ), fitting AS (
      SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM (SELECT n.id, n.distance FROM nearest n
               WHERE n."categoryIds" @> ARRAY[${request.categoryId}]::text[]
                 AND n.latitude BETWEEN ${lat - RADIUS_KM / 111} AND ${lat + RADIUS_KM / 111}
                 AND n.longitude BETWEEN ${lng - RADIUS_KM / 70} AND ${lng + RADIUS_KM / 70}
                 AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = ${tenantId} AND r."requestId" = ${requestId} AND r."volunteerId" = n.id)
               ORDER BY n.distance, n.id
               LIMIT ${PREFILTER}) f
        JOIN "VolunteerProfile" v ON v."tenantId" = ${tenantId} AND v.id = f.id
       ORDER BY f.distance
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*, ${recentAssignments}, (SELECT count(*) FROM nearest)::int AS reached
      FROM (SELECT 1) one LEFT JOIN near ON TRUE`;
}

/** Active volunteers who offered to help on the request. */
const responders = (tenantId: string, requestId: string) => Prisma.sql`
  SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, r.status::text AS "responseStatus", r.message AS "responseMessage"
    FROM "Response" r JOIN "VolunteerProfile" v ON v."tenantId" = r."tenantId" AND v.id = r."volunteerId"
   WHERE r."tenantId" = ${tenantId} AND r."requestId" = ${requestId} AND v.status = 'ACTIVE'`;

// The per-volunteer 30-day assignment count, for the pre-selected rows only.
const recentAssignments = Prisma.sql`(SELECT count(*) FROM "Assignment" a
  WHERE a."tenantId" = near."tenantId" AND a."volunteerId" = near.id AND a."createdAt" > now() - interval '30 days')::int AS recent`;

/** Without coordinates: responders, then active volunteers offering the category, in the same postcode first, least recently assigned first. */
async function byPostcode(tenantId: string, requestId: string, request: Request): Promise<Row[]> {
  return forTenant(tenantId).$queryRaw<Row[]>`
    WITH responders AS (${responders(tenantId, requestId)}
    ), fitting AS (
      SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM "VolunteerProfile" v
       WHERE v."tenantId" = ${tenantId} AND v.status = 'ACTIVE' AND v."categoryIds" @> ARRAY[${request.categoryId}]::text[]
         AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = v."tenantId" AND r."requestId" = ${requestId} AND r."volunteerId" = v.id)
       ORDER BY (v.postcode <> ${request.postcode})::int, v."lastAssignedAt" NULLS FIRST, v.id -- ids settle ties: the same list on every view
       LIMIT ${PREFILTER}
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*, ${recentAssignments} FROM near`;
}

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
  const rows = lat != null && lng != null
    ? await nearestFitting(tenant.id, requestId, { ...request, latitude: lat, longitude: lng })
    : await byPostcode(tenant.id, requestId, request);

  const slots = whenSlots(whenFromColumns(request));
  const useful = USEFUL_SKILLS[request.category.key] ?? [];
  return rows
    .map((v) => ({ v, km: distanceKm(v, request) }))
    // The 50 km rule holds for the exact distance; the rounded one is for display (50.04 km shows as 50 and is out).
    .filter(({ v, km }) => v.responseStatus !== null || km == null || km <= RADIUS_KM)
    .map(({ v, km }) => ({
      id: v.id, name: v.name, postcode: v.postcode, distanceKm: km == null ? null : Math.round(km * 10) / 10,
      recentAssignments: v.recent, responseStatus: v.responseStatus, responseMessage: v.responseMessage,
      score: scoreCandidate({
        distanceKm: km, samePostcode: v.postcode === request.postcode, maxDistanceKm: v.maxDistanceKm,
        offersCategory: v.categoryIds.includes(request.categoryId), hasUsefulSkill: v.skills.some((s) => useful.includes(s)),
        speaksLanguage: v.languages.includes(request.locale), requestSlots: slots, availability: v.availability,
        recentAssignments: v.recent,
      }),
    }))
    .sort((a, b) => Number(b.responseStatus === "PENDING") - Number(a.responseStatus === "PENDING") || b.score.total - a.score.total)
    .slice(0, limit);
}
