import { notFound, redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/client";
import { auth } from "@/lib/auth/auth";
import { rolesInTenant } from "@/lib/memberships/queries";

export const STAFF_ROLES: Role[] = ["ADMIN", "COORDINATOR", "STAFF"];
export const COORDINATOR_ROLES: Role[] = ["ADMIN", "COORDINATOR"];
export const ADMIN_ROLES: Role[] = ["ADMIN"];

export type Member = { userId: string; email: string; roles: Role[] };

/** The signed-in user's roles in this town, or null. */
export async function currentMember(tenant: { id: string }): Promise<Member | null> {
  const session = await auth();
  if (!session?.user) return null;
  return { userId: session.user.id, email: session.user.email, roles: await rolesInTenant(tenant, session.user.id) };
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
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  return { userId: session.user.id, email: session.user.email };
}
