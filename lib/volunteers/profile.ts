import { coordinatesOf } from "@/lib/areas/coordinates";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { VolunteerProfileInput } from "@/lib/volunteers/schemas";
import type { Tenant } from "@/lib/tenancy/tenant";

/**
 * Creates or updates the signed-in person's volunteer profile in this town
 * (and their VOLUNTEER membership). Categories must be this town's. One
 * transaction, the town's scope entered once: the checks, the postcode's
 * coordinates and both writes (BEGIN, scope, 4 statements, COMMIT).
 */
export async function saveVolunteerProfile(tenant: Tenant, userId: string, input: VolunteerProfileInput) {
  return forTenant(tenant.id).$transaction(async (tx) => {
    const categories = await tx.category.findMany({ where: { id: { in: input.categoryIds }, active: true }, select: { id: true } });
    if (categories.length !== new Set(input.categoryIds).size) throw new InvalidInput({ categoryIds: "invalidChoice" });
    const fields = {
      name: input.name, phone: input.phone, postcode: input.postcode.toUpperCase(), maxDistanceKm: input.maxDistanceKm,
      categoryIds: categories.map((c) => c.id), languages: input.languages, availability: input.availability, skills: input.skills,
      ...(await coordinatesOf(tx, input.postcode)),
    };
    // The no-op update lets Prisma write one INSERT … ON CONFLICT instead of a read, an insert and a re-read.
    const membership = await tx.membership.upsert({
      where: { tenantId_userId_role: { tenantId: tenant.id, userId, role: "VOLUNTEER" } },
      update: { role: "VOLUNTEER" },
      select: { id: true },
      create: { tenantId: tenant.id, userId, role: "VOLUNTEER" },
    });
    return tx.volunteerProfile.upsert({
      where: { tenantId_userId: { tenantId: tenant.id, userId } },
      update: fields,
      create: { tenantId: tenant.id, userId, membershipId: membership.id, codeOfConductAt: new Date(), ...fields },
    });
  });
}

export async function getOwnProfile(tenant: Tenant, userId: string) {
  return forTenant(tenant.id).volunteerProfile.findFirst({ where: { userId } });
}

/** Pausing hides the volunteer from matching and the request list; a blocked volunteer cannot unpause. */
export async function setPaused(tenant: Tenant, userId: string, paused: boolean) {
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
    include: {
      responses: { select: { requestId: true, message: true, status: true, createdAt: true } },
      assignments: { select: { requestId: true, createdAt: true, doneAt: true, feedback: true } },
      applications: { select: { vacancyId: true, message: true, createdAt: true } },
    },
  });
  if (!profile) throw new NotFoundInTenant("volunteer");
  return { exportedAt: new Date().toISOString(), profile };
}

/** Erases the volunteer's profile, responses and applications in this town, and the record of what the town sent them; other towns are untouched. */
export async function deleteVolunteerProfile(tenant: Tenant, userId: string) {
  const db = forTenant(tenant.id);
  await db.$transaction(async (tx) => {
    const profile = await tx.volunteerProfile.findFirst({ where: { userId }, select: { user: { select: { email: true } } } });
    if (profile) await tx.notification.deleteMany({ where: { recipient: profile.user.email } });
    await tx.volunteerProfile.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId, role: "VOLUNTEER" } });
  });
}
