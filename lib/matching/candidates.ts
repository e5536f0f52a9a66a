import { Prisma } from "@/generated/prisma/client";
import type { CheckKind } from "@/lib/checks/kinds";
import { hasValidChecksSql } from "@/lib/checks/sql";
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
const BOX_LAT = RADIUS_KM / 111; // degrees: the box around the request, a first cut before the exact 50 km
const BOX_LNG = RADIUS_KM / 70;
// Degrees of longitude are shorter than degrees of latitude (cos 50° ≈ 0.64):
// distances are compared on (longitude × 0.64, latitude), the expression the
// volunteers' location index (GiST, nearest first) is built on.
const LNG_SCALE = Prisma.raw("0.64"); // a constant, so the planner matches the index expression

/** `requiredChecks`: the category's checks (lib/checks); only volunteers holding all of them, valid at `now`, are read. */
type Request = { postcode: string; latitude: number | null; longitude: number | null; categoryId: string; requiredChecks?: readonly CheckKind[] };
type Located = Request & { latitude: number; longitude: number };

export const FIRST_REACH = 2_000; // at most this many nearest read in the first round: ~25% offer a given category
const WIDEN = 4;

/**
 * The responders plus the 400 nearest fitting volunteers: one statement, and
 * another round with a reach four times larger only when fewer than 400 fit
 * among the `reach` nearest and the town has more than that.
 */
async function nearestFitting(tenantId: string, requestId: string, request: Located, now: Date): Promise<Row[]> {
  const db = forTenant(tenantId);
  for (let reach = FIRST_REACH; ; reach *= WIDEN) {
    const rows = await db.$queryRaw<Row[]>(nearestFittingSql(tenantId, requestId, request, reach, now));
    if (rows.filter((r) => r.responseStatus === null).length >= PREFILTER) return rows;
    const [{ located }] = await db.$queryRaw<{ located: number }[]>`
      SELECT count(*)::int AS located FROM (SELECT 1 FROM "VolunteerProfile" v
       WHERE v."tenantId" = ${tenantId} AND v.status = 'ACTIVE' AND v.latitude IS NOT NULL AND v.longitude IS NOT NULL LIMIT ${reach + 1}) x`;
    if (located <= reach) return rows;
  }
}

/**
 * One round's statement (the bench times it alone): the responders plus the
 * 400 nearest active volunteers in the 50 km box who offer the request's
 * category and have not responded, among the `reach` nearest. The location
 * index is read nearest first and the reading stops at the 400th that fits:
 * what it costs depends on how many are read before 400 fit (at most `reach`),
 * not on the town's size. The category, the box and the responders are
 * filtered a level above the scan, with no ORDER BY there, so rows stay in the
 * index's order and the LIMIT stops the scan. The scan's own LIMIT tells the
 * planner how few of the town it reads; with the filters inside it, the
 * planner would estimate how many fit (category ids are per town: it
 * multiplies two guesses), find too few for a LIMIT to matter, and sort the
 * whole town instead. The category's checks are filtered at the same level:
 * one indexed look-up per kind for each row read (lib/checks/kinds.ts).
 */
export function nearestFittingSql(tenantId: string, requestId: string, request: Located, reach: number, now = new Date()): Prisma.Sql {
  const { latitude: lat, longitude: lng } = request;
  const checks = request.requiredChecks ?? [];
  const here = Prisma.sql`point(${lng}::float8 * ${LNG_SCALE}, ${lat}::float8)`;
  return Prisma.sql`
    WITH responders AS (${responders(tenantId, requestId, checks, now)}
    ), fitting AS (
      SELECT v.*, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM (SELECT n.id, n.distance
                FROM (SELECT n.id, n."categoryIds", n.latitude, n.longitude, point(n.longitude * ${LNG_SCALE}, n.latitude) <-> ${here} AS distance
                        FROM "VolunteerProfile" n
                       WHERE n."tenantId" = ${tenantId} AND n.status = 'ACTIVE' AND n.latitude IS NOT NULL AND n.longitude IS NOT NULL
                       ORDER BY point(n.longitude * ${LNG_SCALE}, n.latitude) <-> ${here}
                       LIMIT ${reach}) n
               WHERE n."categoryIds" @> ARRAY[${request.categoryId}]::text[]
                 AND n.latitude BETWEEN ${lat - BOX_LAT} AND ${lat + BOX_LAT}
                 AND n.longitude BETWEEN ${lng - BOX_LNG} AND ${lng + BOX_LNG}
                 AND n.id NOT IN (SELECT r."volunteerId" FROM "Response" r WHERE r."tenantId" = ${tenantId} AND r."requestId" = ${requestId})
                 AND ${hasValidChecksSql(tenantId, Prisma.sql`n.id`, checks, now)}
               LIMIT ${PREFILTER}) f
        -- Each row by its key (fenced: with 400 rows expected the planner would rather hash the whole town).
        CROSS JOIN LATERAL (SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills
                              FROM "VolunteerProfile" v WHERE v."tenantId" = ${tenantId} AND v.id = f.id OFFSET 0) v
       ORDER BY f.distance
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*, ${recentAssignments} FROM near`;
}

/** Active volunteers who offered to help on the request (and still hold its checks: the others cannot be assigned). */
const responders = (tenantId: string, requestId: string, checks: readonly CheckKind[], now: Date) => Prisma.sql`
  SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, r.status::text AS "responseStatus", r.message AS "responseMessage"
    FROM "Response" r JOIN "VolunteerProfile" v ON v."tenantId" = r."tenantId" AND v.id = r."volunteerId"
   WHERE r."tenantId" = ${tenantId} AND r."requestId" = ${requestId} AND v.status = 'ACTIVE' AND ${hasValidChecksSql(tenantId, Prisma.sql`v.id`, checks, now)}`;

// The per-volunteer 30-day assignment count, for the pre-selected rows only.
const recentAssignments = Prisma.sql`(SELECT count(*) FROM "Assignment" a
  WHERE a."tenantId" = near."tenantId" AND a."volunteerId" = near.id AND a."createdAt" > now() - interval '30 days')::int AS recent`;

/** Without coordinates: responders, then active volunteers offering the category, in the same postcode first, least recently assigned first. */
async function byPostcode(tenantId: string, requestId: string, request: Request, now: Date): Promise<Row[]> {
  const checks = request.requiredChecks ?? [];
  return forTenant(tenantId).$queryRaw<Row[]>`
    WITH responders AS (${responders(tenantId, requestId, checks, now)}
    ), fitting AS (
      SELECT v.id, v."tenantId", v.name, v.postcode, v.latitude, v.longitude, v."maxDistanceKm", v."categoryIds", v.languages, v.availability, v.skills, NULL::text AS "responseStatus", NULL::text AS "responseMessage"
        FROM "VolunteerProfile" v
       WHERE v."tenantId" = ${tenantId} AND v.status = 'ACTIVE' AND v."categoryIds" @> ARRAY[${request.categoryId}]::text[]
         AND NOT EXISTS (SELECT 1 FROM "Response" r WHERE r."tenantId" = v."tenantId" AND r."requestId" = ${requestId} AND r."volunteerId" = v.id)
         AND ${hasValidChecksSql(tenantId, Prisma.sql`v.id`, checks, now)}
       ORDER BY (v.postcode <> ${request.postcode})::int, v."lastAssignedAt" NULLS FIRST, v.id -- ids settle ties: the same list on every view
       LIMIT ${PREFILTER}
    ), near AS (SELECT * FROM responders UNION ALL SELECT * FROM fitting)
    SELECT near.*, ${recentAssignments} FROM near`;
}

/**
 * Volunteers for a request, best first, with the score's parts so the
 * coordinator sees why. Everyone who offered to help is included; beyond them,
 * active volunteers who offer the category, nearest first. Only volunteers
 * holding the category's checks, valid now, are candidates at all.
 */
export async function rankCandidates(tenant: { id: string }, requestId: string, limit = 25, now = new Date()): Promise<Candidate[]> {
  const db = forTenant(tenant.id);
  const request = await db.helpRequest.findFirst({
    where: { id: requestId },
    select: { categoryId: true, locale: true, postcode: true, latitude: true, longitude: true, ...WHEN_SELECT, category: { select: { key: true, requiredChecks: true } } },
  });
  if (!request) throw new NotFoundInTenant("request");
  const fits = { ...request, requiredChecks: request.category.requiredChecks };

  const { latitude: lat, longitude: lng } = request;
  const rows = lat != null && lng != null
    ? await nearestFitting(tenant.id, requestId, { ...fits, latitude: lat, longitude: lng }, now)
    : await byPostcode(tenant.id, requestId, fits, now);

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
