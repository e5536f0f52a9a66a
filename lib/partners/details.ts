import { writeAudit } from "@/lib/audit/log";
import { NotFoundInTenant } from "@/lib/errors";
import { partnerSeat } from "@/lib/partners/members";
import type { JoinInput } from "@/lib/partners/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** A partner's member corrects the name and phone the town calls them back on (an owner migrated from a single-owner organisation has no phone yet). */
export async function saveMemberDetails(tenant: { id: string }, userId: string, input: Pick<JoinInput, "name" | "phone">) {
  const seat = await partnerSeat(tenant, userId);
  if (!seat) throw new NotFoundInTenant("partner member");
  await forTenant(tenant.id).$transaction(async (tx) => {
    await tx.organisationMember.update({ where: { tenantId_id: { tenantId: tenant.id, id: seat.member.id } }, data: { name: input.name, phone: input.phone } });
    await writeAudit(tenant, { actorId: userId, action: "partner.details", subjectType: "OrganisationMember", subjectId: seat.member.id }, tx);
  });
}
