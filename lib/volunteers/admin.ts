import type { Prisma } from "@/generated/prisma/client";
import { DAY_MS } from "@/lib/dates/durations";
import { undeliverableAmong } from "@/lib/email/suppressions";
import { stripControl } from "@/lib/forms/text";
import { forTenant } from "@/lib/tenancy/for-tenant";

const PAGE = 200;

/** The volunteers the list's search selects (the list and its export): by name, or by the start of the postcode. */
export function volunteerWhere(opts: { q?: string }): Prisma.VolunteerProfileWhereInput | undefined {
  const q = opts.q && stripControl(opts.q).trim(); // typed in a search box: NUL would fail the query
  return q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { postcode: { startsWith: q } }] } : undefined;
}

/**
 * The town's volunteers for coordinators: who they are, whether they are
 * active, how much they did lately. The page is chosen first (by name, from
 * an index), then the 30-day activity is counted for its volunteers only, so
 * the cost does not grow with the town.
 */
export async function listVolunteers(tenant: { id: string }, opts: { q?: string } = {}) {
  const since = new Date(Date.now() - 30 * DAY_MS);
  const db = forTenant(tenant.id);
  const rows = await db.volunteerProfile.findMany({
    where: volunteerWhere(opts),
    select: { id: true, name: true, postcode: true, status: true, skills: true, createdAt: true, user: { select: { email: true } } },
    orderBy: { name: "asc" },
    take: PAGE,
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const recent = { volunteerId: { in: ids }, createdAt: { gte: since } };
  const [responses, assignments, undeliverable] = await Promise.all([
    db.response.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
    // Staff should know when the town's mail no longer reaches a volunteer (bounce or complaint).
    undeliverableAmong(db, rows.map((r) => r.user.email)),
  ]);
  const countOf = (groups: { volunteerId: string; _count: { _all: number } }[]) => new Map(groups.map((g) => [g.volunteerId, g._count._all]));
  const [responded, assigned] = [countOf(responses), countOf(assignments)];
  return rows.map(({ user, ...row }) => ({
    ...row,
    _count: { responses: responded.get(row.id) ?? 0, assignments: assigned.get(row.id) ?? 0 },
    emailUndeliverable: Boolean(user.email && undeliverable.has(user.email.toLowerCase())),
  }));
}
