import { undeliverableAmong } from "@/lib/email/suppressions";
import { stripControl } from "@/lib/forms/text";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** The town's volunteers for coordinators: who they are, whether they are active, how much they did lately. */
export async function listVolunteers(tenant: { id: string }, opts: { q?: string } = {}) {
  const since = new Date(Date.now() - 30 * 86_400_000);
  const q = opts.q && stripControl(opts.q).trim(); // typed in a search box: NUL would fail the query
  const db = forTenant(tenant.id);
  const rows = await db.volunteerProfile.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { postcode: { startsWith: q } }] } : undefined,
    select: {
      id: true, name: true, postcode: true, status: true, skills: true, createdAt: true,
      user: { select: { email: true } },
      _count: { select: { assignments: { where: { createdAt: { gte: since } } }, responses: { where: { createdAt: { gte: since } } } } },
    },
    orderBy: { name: "asc" },
    take: 200,
  });
  // Staff should know when the town's mail no longer reaches a volunteer (bounce or complaint).
  const undeliverable = await undeliverableAmong(db, rows.map((r) => r.user.email));
  return rows.map(({ user, ...row }) => ({ ...row, emailUndeliverable: Boolean(user.email && undeliverable.has(user.email.toLowerCase())) }));
}
