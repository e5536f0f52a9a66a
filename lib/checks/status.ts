import { CHECK_KINDS, type CheckKind } from "@/lib/checks/kinds";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

type Db = Pick<TenantDb, "volunteerCheck">;

/** The kinds a volunteer holds a valid confirmation of at `now`. */
export async function validCheckKinds(tenant: { id: string }, volunteerId: string, now = new Date(), db: Db = forTenant(tenant.id)): Promise<Set<CheckKind>> {
  const rows = await db.volunteerCheck.findMany({ where: { volunteerId, validUntil: { gt: now } }, select: { kind: true }, distinct: ["kind"] });
  return new Set(rows.map((r) => r.kind));
}

export type CheckState = { kind: CheckKind; validUntil: Date | null; confirmedAt: Date | null; valid: boolean };

/** Per kind, the volunteer's latest confirmation (the one that lasts longest) and whether it still holds. */
export async function latestChecks(tenant: { id: string }, volunteerId: string, kinds: readonly CheckKind[], now = new Date()): Promise<CheckState[]> {
  const rows = await forTenant(tenant.id).volunteerCheck.findMany({
    where: { volunteerId, kind: { in: [...kinds] } },
    orderBy: [{ validUntil: "desc" }, { id: "desc" }],
    distinct: ["kind"],
    select: { kind: true, validUntil: true, confirmedAt: true },
  });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return kinds.map((kind) => {
    const r = byKind.get(kind);
    return { kind, validUntil: r?.validUntil ?? null, confirmedAt: r?.confirmedAt ?? null, valid: !!r && r.validUntil > now };
  });
}

/** Every confirmation of a volunteer, newest first, with who confirmed it (the staff page's history). */
export async function checkHistory(tenant: { id: string }, volunteerId: string) {
  return forTenant(tenant.id).volunteerCheck.findMany({
    where: { volunteerId },
    orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, kind: true, confirmedAt: true, validUntil: true, note: true, confirmedBy: { select: { name: true, email: true } } },
  });
}

/** The volunteer a staff page is about (this town's only), with the checks their categories need. */
export async function volunteerForChecks(tenant: { id: string }, volunteerId: string) {
  const db = forTenant(tenant.id);
  const volunteer = await db.volunteerProfile.findFirst({ where: { id: volunteerId }, select: { id: true, name: true, status: true, categoryIds: true } });
  if (!volunteer) return null;
  return { ...volunteer, required: await requiredForCategories(tenant, volunteer.categoryIds) };
}

/** The kinds any of these categories needs (a volunteer who chose none may be shown any active category's requests). */
export async function requiredForCategories(tenant: { id: string }, categoryIds: string[]): Promise<CheckKind[]> {
  const rows = await forTenant(tenant.id).category.findMany({
    where: categoryIds.length ? { id: { in: categoryIds } } : { active: true },
    select: { requiredChecks: true },
  });
  const kinds = new Set(rows.flatMap((r) => r.requiredChecks));
  return CHECK_KINDS.filter((k) => kinds.has(k));
}
