import { pausedByConcern } from "@/lib/concerns/handle";
import { randomUUID } from "node:crypto";
import type { VolunteerProfile } from "@/generated/prisma/client";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { VolunteerProfileInput } from "@/lib/volunteers/schemas";
import type { Tenant } from "@/lib/tenancy/tenant";

/**
 * Creates or updates the signed-in person's volunteer profile in this town
 * (and their VOLUNTEER membership). Categories must be this town's and active.
 * One statement in the town's scope (BEGIN, scope, statement, COMMIT): the
 * categories check, the postcode's coordinates and both upserts. Through
 * Prisma's operations these were four round trips and ~1 ms of CPU each,
 * most of a registration's cost over a bare insert (bench/analysis.md,
 * round four). A refused category writes nothing.
 */
export async function saveVolunteerProfile(tenant: Pick<Tenant, "id">, userId: string, input: VolunteerProfileInput): Promise<VolunteerProfile> {
  const categoryIds = [...new Set(input.categoryIds)];
  // In a transaction of its own so that, once committed, caches of the town's figures forget them (lib/tenancy/writes.ts).
  const [saved] = await forTenant(tenant.id).$transaction((tx) => tx.$queryRaw<(VolunteerProfile & { chosen: number })[]>`
    WITH chosen AS (
      SELECT coalesce(array_agg(id ORDER BY array_position(${categoryIds}::text[], id)), '{}') AS ids, count(*)::int AS n
        FROM "Category" WHERE "tenantId" = ${tenant.id} AND id = ANY(${categoryIds}::text[]) AND active
    ), place AS (
      SELECT latitude, longitude FROM "Area"
       WHERE "tenantId" = ${tenant.id} AND postcode = ${input.postcode.trim().toUpperCase()} AND latitude IS NOT NULL LIMIT 1
    ), membership AS (
      INSERT INTO "Membership" ("tenantId", id, "userId", role)
      SELECT ${tenant.id}, ${randomUUID()}, ${userId}, 'VOLUNTEER'::"Role" FROM chosen WHERE n = ${categoryIds.length}
      ON CONFLICT ("tenantId", "userId", role) DO UPDATE SET role = EXCLUDED.role
      RETURNING id
    ), profile AS (
      INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude,
                                      "maxDistanceKm", "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
      SELECT ${tenant.id}, ${randomUUID()}, membership.id, ${userId}, ${input.name}, ${input.phone}, ${input.postcode.toUpperCase()},
             place.latitude, place.longitude, ${input.maxDistanceKm}::int, chosen.ids, ${input.languages}::text[],
             ${input.availability}::text[], ${input.skills}::text[], now(), now()
        FROM membership CROSS JOIN chosen LEFT JOIN place ON true
      ON CONFLICT ("tenantId", "userId") DO UPDATE SET
        name = EXCLUDED.name, phone = EXCLUDED.phone, postcode = EXCLUDED.postcode, latitude = EXCLUDED.latitude,
        longitude = EXCLUDED.longitude, "maxDistanceKm" = EXCLUDED."maxDistanceKm", "categoryIds" = EXCLUDED."categoryIds",
        languages = EXCLUDED.languages, availability = EXCLUDED.availability, skills = EXCLUDED.skills, "updatedAt" = EXCLUDED."updatedAt",
        -- An imported volunteer who signs in and saves the form has accepted the code of conduct: active from now on.
        status = CASE WHEN "VolunteerProfile".status = 'INVITED' THEN 'ACTIVE'::"VolunteerStatus" ELSE "VolunteerProfile".status END,
        "codeOfConductAt" = coalesce("VolunteerProfile"."codeOfConductAt", EXCLUDED."codeOfConductAt")
      RETURNING *
    )
    SELECT profile.*, chosen.n AS chosen FROM chosen LEFT JOIN profile ON true`);
  if (saved.chosen !== categoryIds.length) throw new InvalidInput({ categoryIds: "invalidChoice" });
  const { chosen: _, ...profile } = saved;
  return profile;
}

export async function getOwnProfile(tenant: Tenant, userId: string) {
  // A pending code's hash never leaves the server (the profile goes to the form).
  return forTenant(tenant.id).volunteerProfile.findFirst({ where: { userId }, omit: { phoneCodeHash: true } });
}

/** Pausing hides the volunteer from matching and the request list; a blocked volunteer cannot unpause. */
export async function setPaused(tenant: Tenant, userId: string, paused: boolean) {
  if (!paused) {
    // A safeguarding lead's pause holds while the concern is open (lib/concerns/handle.ts).
    const own = await getOwnProfile(tenant, userId);
    if (own && (await pausedByConcern(tenant, own.id))) throw new InvalidTransition("pausedByTown");
  }
  const { count } = await forTenant(tenant.id).volunteerProfile.updateMany({
    where: { userId, status: paused ? "ACTIVE" : "PAUSED" },
    data: { status: paused ? "PAUSED" : "ACTIVE" },
  });
  if (count === 0) {
    const exists = await getOwnProfile(tenant, userId);
    if (!exists) throw new NotFoundInTenant("volunteer");
    if (exists.status === "BLOCKED") throw new InvalidTransition("volunteerBlocked");
  }
}

/** Everything this town holds about the volunteer, as JSON (GDPR access / portability). */
export async function exportVolunteerData(tenant: Tenant, userId: string) {
  const profile = await forTenant(tenant.id).volunteerProfile.findFirst({
    where: { userId },
    // A pending code is a secret, not the volunteer's data.
    omit: { phoneCodeHash: true },
    include: {
      responses: { select: { requestId: true, message: true, status: true, createdAt: true } },
      assignments: { select: { requestId: true, createdAt: true, doneAt: true, feedback: true } },
      applications: { select: { vacancyId: true, message: true, createdAt: true } },
      pushDevices: { select: { endpoint: true, createdAt: true, lastSuccessAt: true } },
      // The alerts the town sent them (the links' tokens are not kept, only whether one was used).
      alerts: { select: { requestId: true, alerted: true, deliveries: true, createdAt: true, usedAt: true } },
      helpLogs: { select: { assignmentId: true, day: true, minutes: true, visits: true, status: true, confirmedAt: true, createdAt: true } },
      // Their checks: which, when, until when and the note (who confirmed is staff's identity, not theirs).
      checks: { select: { kind: true, confirmedAt: true, validUntil: true, note: true } },
    },
  });
  if (!profile) throw new NotFoundInTenant("volunteer");
  // The concerns they raised as a volunteer, in their own words (not what they took down for residents as staff); never concerns about them, nor how a lead handles any (lib/concerns).
  const concernsRaised = await forTenant(tenant.id).concern.findMany({ where: { createdById: userId, source: "VOLUNTEER" }, select: { createdAt: true, about: true, body: true } });
  return { exportedAt: new Date().toISOString(), profile, concernsRaised };
}

/** Erases the volunteer's profile, responses and applications in this town, and the record of what the town sent them; other towns are untouched. */
export async function deleteVolunteerProfile(tenant: Tenant, userId: string) {
  const db = forTenant(tenant.id);
  await db.$transaction(async (tx) => {
    const profile = await tx.volunteerProfile.findFirst({ where: { userId }, select: { id: true, phone: true, user: { select: { email: true } } } });
    // Their browsers and pending pushes go with the profile (foreign keys); a push's record names the profile.
    if (profile) {
      await tx.notification.deleteMany({ where: { recipient: { in: [profile.user.email, profile.phone, profile.id] } } });
      await tx.outboxSms.deleteMany({ where: { to: profile.phone } });
    }
    await tx.volunteerProfile.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId, role: "VOLUNTEER" } });
  });
}
