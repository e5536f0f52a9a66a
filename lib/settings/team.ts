import type { Role } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { sessionPrefixOf } from "@/lib/auth/site-session";
import { prisma } from "@/lib/db/client";
import { listDomains } from "@/lib/domains/domains";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { TenantRow } from "@/lib/tenancy/tenant";

export const TEAM_ROLES = ["ADMIN", "COORDINATOR", "STAFF", "ORGANISATION", "SAFEGUARDING"] as const satisfies readonly Role[];
/** A safeguarding lead is named among the town's staff: the role adds the concerns to a staff member's area. */
const LEAD_NEEDS: Role[] = ["ADMIN", "COORDINATOR", "STAFF"];

export async function listTeam(tenant: { id: string }) {
  return forTenant(tenant.id).membership.findMany({
    where: { role: { in: [...TEAM_ROLES] } },
    include: { user: { select: { email: true, name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

/** Invites a colleague: their membership exists at once; the e-mail carries a sign-in link to the town. */
export async function inviteMember(tenant: TenantRow<"slug" | "defaultLocale">, inviter: { userId: string; name: string }, input: { email: string; role: (typeof TEAM_ROLES)[number] }) {
  const email = input.email.toLowerCase();
  const user = await prisma.user.upsert({ where: { email }, update: {}, create: { email } });
  const db = forTenant(tenant.id);
  const existing = await db.membership.findFirst({ where: { userId: user.id, role: input.role } });
  if (existing) throw new InvalidInput({ email: "alreadyMember" });
  if (input.role === "SAFEGUARDING" && !(await db.membership.findFirst({ where: { userId: user.id, role: { in: LEAD_NEEDS } }, select: { id: true } }))) {
    throw new InvalidInput({ email: "leadNotStaff" });
  }
  const link = await createSignInLink({ email, slug: tenant.slug, callbackPath: "/", validHours: 72 });
  await db.$transaction(async (tx) => {
    const m = await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: input.role } });
    await notify(tx, tenant, { to: givenAddress(email), template: "staff-invitation", locale: tenant.defaultLocale, data: { inviter: inviter.name, role: input.role, url: link } });
    await writeAudit(tenant, { actorId: inviter.userId, action: "team.invite", subjectType: "Membership", subjectId: m.id, details: { role: input.role } }, tx);
  });
}

/** Removes a role from a person in this town; the last administrator cannot be removed. Their sessions on this town's sites end. */
export async function removeMember(tenant: { id: string; slug: string }, actorId: string, membershipId: string) {
  const db = forTenant(tenant.id);
  const membership = await db.membership.findFirst({ where: { id: membershipId } });
  if (!membership || membership.role === "VOLUNTEER") throw new NotFoundInTenant("membership");
  if (membership.role === "ADMIN" && (await db.membership.count({ where: { role: "ADMIN" } })) <= 1) throw new InvalidTransition("lastAdmin");
  await db.$transaction(async (tx) => {
    await tx.membership.deleteMany({ where: { id: membershipId } });
    await writeAudit(tenant, { actorId, action: "team.remove", subjectType: "Membership", subjectId: membershipId, details: { role: membership.role } }, tx);
  });
  // Their sessions on this town's sites (its subdomain and custom domains) end;
  // a session elsewhere is another town's business, or their own.
  const domains = await listDomains(tenant);
  const sites = [tenant.slug, ...domains.map((d) => d.host)];
  await prisma.session.deleteMany({
    where: { userId: membership.userId, OR: sites.map((site) => ({ sessionToken: { startsWith: sessionPrefixOf(site) } })) },
  });
}
