import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/client";
import { currentSession } from "@/lib/auth/session";
import { rolesInTenant } from "@/lib/memberships/queries";

export const STAFF_ROLES: Role[] = ["ADMIN", "COORDINATOR", "STAFF"];
export const COORDINATOR_ROLES: Role[] = ["ADMIN", "COORDINATOR"];
export const ADMIN_ROLES: Role[] = ["ADMIN"];

export type Member = { userId: string; email: string; roles: Role[] };

// Once per request and town: the layout and the page both ask.
const memberOf = cache(async (tenantId: string): Promise<Member | null> => {
  const session = await currentSession();
  if (!session?.user) return null;
  return { userId: session.user.id, email: session.user.email, roles: await rolesInTenant({ id: tenantId }, session.user.id) };
});

/** The signed-in user's roles in this town, or null. */
export function currentMember(tenant: { id: string }): Promise<Member | null> {
  return memberOf(tenant.id);
}

export const hasRole = (member: Member | null, allowed: Role[]) => !!member?.roles.some((r) => allowed.includes(r));

/**
 * Server-side gate for staff pages and actions: not signed in → sign-in page;
 * signed in without a fitting role in *this* town → 404 (no existence leak).
 */
export async function requireRole(tenant: { id: string }, allowed: Role[]): Promise<Member> {
  const member = await currentMember(tenant);
  if (!member) redirect("/sign-in");
  if (!hasRole(member, allowed)) notFound();
  return member;
}

/** Any signed-in person (volunteers need no role to register); otherwise the sign-in page. */
export async function requireUser(): Promise<{ userId: string; email: string }> {
  const session = await currentSession();
  if (!session?.user) redirect("/sign-in");
  return { userId: session.user.id, email: session.user.email };
}
