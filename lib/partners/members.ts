import type { OrganisationKind, PartnerRole } from "@/generated/prisma/enums";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type PartnerSeat = {
  member: { id: string; role: PartnerRole; name: string; phone: string | null };
  organisation: { id: string; name: string; kind: OrganisationKind; description: string };
};

/** The partner this user works for in this town (through their ORGANISATION membership), with their role there; null when none. */
export async function partnerSeat(tenant: { id: string }, userId: string): Promise<PartnerSeat | null> {
  const row = await forTenant(tenant.id).organisationMember.findFirst({
    where: { membership: { userId, role: "ORGANISATION" } },
    select: {
      id: true, role: true, name: true, phone: true,
      organisation: { select: { id: true, name: true, kind: true, description: true } },
    },
  });
  if (!row) return null;
  const { organisation, ...member } = row;
  return { member, organisation };
}

/** A partner's staff and its open invitations (for its manager). */
export async function partnerStaff(tenant: { id: string }, organisationId: string, now = new Date()) {
  const db = forTenant(tenant.id);
  const [members, invitations] = await Promise.all([
    db.organisationMember.findMany({
      where: { organisationId },
      select: { id: true, role: true, name: true, phone: true, membership: { select: { user: { select: { email: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.partnerInvitation.findMany({
      where: { organisationId, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, expiresAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return { members: members.map(({ membership, ...m }) => ({ ...m, email: membership.user.email })), invitations };
}

/** The town's partners, by name, with how many staff and open invitations each has (for the admin). */
export async function listPartners(tenant: { id: string }, now = new Date()) {
  return forTenant(tenant.id).organisation.findMany({
    select: {
      id: true, name: true, kind: true,
      _count: { select: { members: true, referrals: true, invitations: { where: { acceptedAt: null, expiresAt: { gt: now } } } } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}
