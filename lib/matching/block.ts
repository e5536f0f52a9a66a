import { writeAudit } from "@/lib/audit/log";
import { NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** Blocking stops a volunteer from responding or being matched; only coordinators can lift it. */
export async function setBlocked(tenant: { id: string }, actorId: string, volunteerId: string, blocked: boolean) {
  const db = forTenant(tenant.id);
  const { count } = blocked
    ? await db.volunteerProfile.updateMany({ where: { id: volunteerId }, data: { status: "BLOCKED" } })
    // Unblocked, someone imported who never accepted the code of conduct is invited again, not active.
    : await db.$transaction(async (tx) => {
        const accepted = await tx.volunteerProfile.updateMany({ where: { id: volunteerId, codeOfConductAt: { not: null } }, data: { status: "ACTIVE" } });
        const invited = await tx.volunteerProfile.updateMany({ where: { id: volunteerId, codeOfConductAt: null }, data: { status: "INVITED" } });
        return { count: accepted.count + invited.count };
      });
  if (count === 0) throw new NotFoundInTenant("volunteer");
  await writeAudit(tenant, { actorId, action: blocked ? "volunteer.block" : "volunteer.unblock", subjectType: "VolunteerProfile", subjectId: volunteerId });
}
