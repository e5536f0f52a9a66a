import { assertChecked } from "@/lib/checks/gate";
import { missingChecks } from "@/lib/checks/kinds";
import { validCheckKinds } from "@/lib/checks/status";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Tenant } from "@/lib/tenancy/tenant";

/** The partner organisation this user manages in the town (lib/partners), if any: vacancies and applicants are its managers' business. */
export async function ownOrganisation(tenant: Tenant, userId: string) {
  return forTenant(tenant.id).organisation.findFirst({ where: { members: { some: { role: "MANAGER", membership: { userId, role: "ORGANISATION" } } } } });
}

/**
 * A manager edits their organisation. Someone the admin gave the partner role
 * directly (the team form), who works for no partner yet, starts one and becomes its manager.
 */
export async function saveOrganisation(tenant: Tenant, userId: string, input: { name: string; description: string }) {
  const db = forTenant(tenant.id);
  const membership = await db.membership.findFirst({
    where: { userId, role: "ORGANISATION" }, select: { id: true, partnerMember: { select: { role: true, organisationId: true } }, user: { select: { name: true, email: true } } },
  });
  if (!membership) throw new NotFoundInTenant("organisation membership");
  const seat = membership.partnerMember;
  if (seat && seat.role !== "MANAGER") throw new NotFoundInTenant("partner manager");
  if (seat) return db.organisation.update({ where: { tenantId_id: { tenantId: tenant.id, id: seat.organisationId } }, data: input });
  return db.$transaction(async (tx) => {
    const org = await tx.organisation.create({ data: { tenantId: tenant.id, ...input } });
    await tx.organisationMember.create({
      data: { tenantId: tenant.id, organisationId: org.id, membershipId: membership.id, role: "MANAGER", name: membership.user.name || membership.user.email },
    });
    return org;
  });
}

export async function postVacancy(tenant: Tenant, userId: string, input: { title: string; description: string; places: number; skills: string[] }) {
  const org = await ownOrganisation(tenant, userId);
  if (!org) throw new NotFoundInTenant("organisation");
  return forTenant(tenant.id).vacancy.create({ data: { tenantId: tenant.id, organisationId: org.id, ...input } });
}

export async function closeVacancy(tenant: Tenant, userId: string, vacancyId: string) {
  const org = await ownOrganisation(tenant, userId);
  const { count } = await forTenant(tenant.id).vacancy.updateMany({ where: { id: vacancyId, organisationId: org?.id ?? "-" }, data: { status: "CLOSED" } });
  if (count === 0) throw new NotFoundInTenant("vacancy");
}

/** The organisation's vacancies, newest first, with how many applied (who applied: lib/organisations/applicants.ts). */
export async function ownVacancies(tenant: Tenant, userId: string) {
  const org = await ownOrganisation(tenant, userId);
  if (!org) return [];
  return forTenant(tenant.id).vacancy.findMany({
    where: { organisationId: org.id },
    include: { _count: { select: { applications: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/**
 * Open vacancies a volunteer can take: any that asks for one of their skills, or none in particular.
 * A vacancy needing checks the volunteer lacks shows its title and which checks, not its text.
 */
export async function vacanciesForVolunteer(tenant: Tenant, profile: { id: string; skills: string[] }) {
  const valid = await validCheckKinds(tenant, profile.id);
  const rows = await forTenant(tenant.id).vacancy.findMany({
    where: { status: "OPEN", OR: [{ skills: { isEmpty: true } }, { skills: { hasSome: profile.skills.length ? profile.skills : ["-"] } }] },
    include: { organisation: { select: { name: true } }, applications: { where: { volunteerId: profile.id }, select: { id: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map(({ applications, ...v }) => {
    const missing = missingChecks(v.requiredChecks, valid);
    return { ...v, description: missing.length ? "" : v.description, missingChecks: missing, applied: applications.length > 0 };
  });
}

export async function applyToVacancy(tenant: Tenant, userId: string, vacancyId: string, message?: string) {
  const db = forTenant(tenant.id);
  const volunteer = await db.volunteerProfile.findFirst({ where: { userId }, select: { id: true, status: true } });
  if (!volunteer) throw new NotFoundInTenant("volunteer");
  if (volunteer.status !== "ACTIVE") throw new InvalidTransition("volunteerNotActive");
  const vacancy = await db.vacancy.findFirst({ where: { id: vacancyId }, select: { status: true, requiredChecks: true } });
  if (!vacancy) throw new NotFoundInTenant("vacancy");
  if (vacancy.status !== "OPEN") throw new InvalidTransition("requestClosed");
  await assertChecked(db, [volunteer.id], vacancy.requiredChecks);
  try {
    return await db.vacancyApplication.create({ data: { tenantId: tenant.id, vacancyId, volunteerId: volunteer.id, message } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidTransition("alreadyResponded");
    throw error;
  }
}
