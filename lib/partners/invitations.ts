import type { OrganisationKind, PartnerRole } from "@/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/log";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { HOUR_MS } from "@/lib/dates/durations";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { partnerSeat } from "@/lib/partners/members";
import type { JoinInput } from "@/lib/partners/schemas";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import type { TenantRow } from "@/lib/tenancy/tenant";

// A partner's staff join by e-mail invitation: the mail carries a sign-in
// link (as a colleague's invitation does) that lands on the invitation's page,
// where the person signed in with that address accepts it; only then do they
// get an ORGANISATION membership in the town and a seat at the partner.

export const PARTNER_INVITATION_HOURS = 72;

type Town = TenantRow<"slug" | "defaultLocale">;
type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

async function sendInvitation(
  tx: Tx, tenant: Town, invitation: { id: string; email: string; role: PartnerRole }, inviter: string, organisation: string, link: string,
) {
  await notify(tx, tenant, {
    to: givenAddress(invitation.email), template: "partner-invitation", locale: tenant.defaultLocale,
    data: { inviter, organisation, role: invitation.role, url: link },
  });
}

/** The link in the e-mail: it signs the invited address in on the town's site and opens the invitation. */
async function invitationLink(tenant: Town, email: string, invitationId: string) {
  // Auth.js signs in existing users only through its adapter; the account exists from now on (as for a colleague).
  await prisma.user.upsert({ where: { email }, update: {}, create: { email } });
  return createSignInLink({ email, slug: tenant.slug, callbackPath: `/organisation/join/${invitationId}`, validHours: PARTNER_INVITATION_HOURS });
}

/** The town's admin invites a partner organisation: it exists at once; its first member (a manager) joins by accepting. */
export async function invitePartner(tenant: Town, inviter: { userId: string; name: string }, input: { name: string; kind: OrganisationKind; email: string }, now = new Date()) {
  const db = forTenant(tenant.id);
  const expiresAt = new Date(now.getTime() + PARTNER_INVITATION_HOURS * HOUR_MS);
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({ data: { tenantId: tenant.id, name: input.name, kind: input.kind }, select: { id: true } });
    const invitation = await tx.partnerInvitation.create({
      data: { tenantId: tenant.id, organisationId: organisation.id, email: input.email, role: "MANAGER", invitedById: inviter.userId, expiresAt },
      select: { id: true, email: true, role: true },
    });
    await sendInvitation(tx, tenant, invitation, inviter.name, input.name, await invitationLink(tenant, input.email, invitation.id));
    await writeAudit(tenant, {
      actorId: inviter.userId, action: "partner.invite", subjectType: "Organisation", subjectId: organisation.id, details: { kind: input.kind, role: "MANAGER" },
    }, tx);
    return { organisationId: organisation.id, invitationId: invitation.id };
  });
}

/** A partner's manager invites a colleague; one open invitation per address and partner, and nobody twice. */
export async function inviteColleague(tenant: Town, inviter: { userId: string; email: string }, input: { email: string; role: PartnerRole }, now = new Date()) {
  const seat = await partnerSeat(tenant, inviter.userId);
  if (!seat || seat.member.role !== "MANAGER") throw new NotFoundInTenant("partner manager");
  const db = forTenant(tenant.id);
  const organisationId = seat.organisation.id;
  const [member, pending] = await Promise.all([
    db.organisationMember.findFirst({ where: { organisationId, membership: { user: { email: input.email } } }, select: { id: true } }),
    db.partnerInvitation.findFirst({ where: { organisationId, email: input.email, acceptedAt: null, expiresAt: { gt: now } }, select: { id: true } }),
  ]);
  if (member) throw new InvalidInput({ email: "alreadyMember" });
  if (pending) throw new InvalidInput({ email: "alreadyInvited" });
  const expiresAt = new Date(now.getTime() + PARTNER_INVITATION_HOURS * HOUR_MS);
  await db.$transaction(async (tx) => {
    const invitation = await tx.partnerInvitation.create({
      data: { tenantId: tenant.id, organisationId, email: input.email, role: input.role, invitedById: inviter.userId, expiresAt },
      select: { id: true, email: true, role: true },
    });
    await sendInvitation(tx, tenant, invitation, seat.member.name, seat.organisation.name, await invitationLink(tenant, input.email, invitation.id));
    await writeAudit(tenant, {
      actorId: inviter.userId, action: "partner.inviteColleague", subjectType: "PartnerInvitation", subjectId: invitation.id, details: { role: input.role },
    }, tx);
  });
}

/** An open invitation in this town addressed to this person (signed in with that address); null otherwise. */
export async function openPartnerInvitation(tenant: { id: string }, user: { email: string }, invitationId: string, now = new Date()) {
  return forTenant(tenant.id).partnerInvitation.findFirst({
    where: { id: invitationId, email: user.email.toLowerCase(), acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, role: true, organisation: { select: { name: true, kind: true } } },
  });
}

/**
 * The invited person accepts: their ORGANISATION membership in the town (made
 * now, or the one they had without a partner) and their seat at the partner,
 * with the name and phone the town calls them back on. Once only; a person
 * works for one partner per town.
 */
export async function acceptPartnerInvitation(tenant: { id: string }, user: { userId: string; email: string }, invitationId: string, input: JoinInput, now = new Date()) {
  const invitation = await openPartnerInvitation(tenant, user, invitationId, now);
  if (!invitation) throw new NotFoundInTenant("partner invitation");
  const db = forTenant(tenant.id);
  try {
    await db.$transaction(async (tx) => {
      const taken = await tx.partnerInvitation.updateMany({ where: { id: invitationId, acceptedAt: null }, data: { acceptedAt: now } });
      if (taken.count === 0) throw new InvalidTransition("invitationUsed");
      const organisationId = (await tx.partnerInvitation.findFirstOrThrow({ where: { id: invitationId }, select: { organisationId: true } })).organisationId;
      const membership = (await tx.membership.findFirst({ where: { userId: user.userId, role: "ORGANISATION" }, select: { id: true } }))
        ?? (await tx.membership.create({ data: { tenantId: tenant.id, userId: user.userId, role: "ORGANISATION" }, select: { id: true } }));
      const member = await tx.organisationMember.create({
        data: { tenantId: tenant.id, organisationId, membershipId: membership.id, role: invitation.role, name: input.name, phone: input.phone },
        select: { id: true },
      });
      await writeAudit(tenant, {
        actorId: user.userId, action: "partner.join", subjectType: "OrganisationMember", subjectId: member.id, details: { role: invitation.role },
      }, tx);
    });
  } catch (error) {
    // Their membership already has a seat at a partner of this town.
    if (isUniqueViolation(error)) throw new InvalidTransition("alreadyPartnerMember");
    throw error;
  }
}
