import type { Prisma, Role } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import { DAY_MS } from "@/lib/dates/durations";
import { localTimestamp } from "@/lib/dates/zoned";
import type { ExportFormat } from "@/lib/export/table";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { volunteerWhere } from "@/lib/volunteers/admin";

/** What every staff member sees on the volunteers page. */
const LIST_COLUMNS = ["name", "postcode", "status", "skills", "languages", "responses30d", "assignments30d", "createdAt"] as const;
/** How to reach them: for coordinators and admins, who assign and write to volunteers; staff do neither. */
const CONTACT_COLUMNS = ["email", "phone"] as const;

export type VolunteerColumn = (typeof LIST_COLUMNS)[number] | (typeof CONTACT_COLUMNS)[number];

export function volunteerColumns(roles: readonly Role[]): VolunteerColumn[] {
  return roles.some((r) => COORDINATOR_ROLES.includes(r)) ? [...LIST_COLUMNS, ...CONTACT_COLUMNS] : [...LIST_COLUMNS];
}

export type VolunteerWords = { status: (value: string) => string; skill: (value: string) => string };

const SELECT = {
  id: true, name: true, postcode: true, status: true, skills: true, languages: true, createdAt: true, phone: true, user: { select: { email: true } },
} as const;
type Row = Prisma.VolunteerProfileGetPayload<{ select: typeof SELECT }>;

const BATCH = 1000;

/** The selected volunteers in batches by name, by keyset, each batch with its 30-day activity (counted for its ids only). */
async function* batches(tenant: { id: string }, where: Prisma.VolunteerProfileWhereInput | undefined) {
  const db = forTenant(tenant.id);
  const since = new Date(Date.now() - 30 * DAY_MS);
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const page: Row[] = await db.volunteerProfile.findMany({
      where: after ? { AND: [where ?? {}, { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] } : where,
      select: SELECT,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    if (page.length === 0) return;
    const recent = { volunteerId: { in: page.map((r) => r.id) }, createdAt: { gte: since } };
    const [responses, assignments] = await Promise.all([
      db.response.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
      db.assignment.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
    ]);
    const countOf = (groups: { volunteerId: string; _count: { _all: number } }[]) => new Map(groups.map((g) => [g.volunteerId, g._count._all]));
    yield { page, responded: countOf(responses), assigned: countOf(assignments) };
    if (page.length < BATCH) return;
    after = page[page.length - 1];
  }
}

/**
 * The volunteers the list's search selects, as rows of the columns the
 * reader's role may see; the export is written to the audit log first.
 */
export async function exportVolunteers(
  tenant: { id: string; timeZone: string }, actor: { userId: string; roles: readonly Role[] }, filter: { q?: string }, format: ExportFormat, words: VolunteerWords,
): Promise<{ columns: VolunteerColumn[]; rows: AsyncGenerator<(string | null)[][]> }> {
  const columns = volunteerColumns(actor.roles);
  const where = volunteerWhere(filter);
  const count = await forTenant(tenant.id).volunteerProfile.count({ where });
  // Which filters, not their values: what was typed (a name, another town's id) stays out of a log kept for years.
  const filters = filter.q ? ["q"] : [];
  await writeAudit(tenant, { actorId: actor.userId, action: "volunteer.export", subjectType: "Tenant", subjectId: tenant.id, details: { format, filters, rows: count, columns } });
  async function* rows() {
    for await (const { page, responded, assigned } of batches(tenant, where)) {
      yield page.map((v) => columns.map((c): string | null => {
        switch (c) {
          case "status": return words.status(v.status);
          case "skills": return v.skills.map(words.skill).join(", ");
          case "languages": return v.languages.join(", ");
          case "responses30d": return String(responded.get(v.id) ?? 0);
          case "assignments30d": return String(assigned.get(v.id) ?? 0);
          case "createdAt": return localTimestamp(v.createdAt, tenant.timeZone);
          case "email": return v.user.email;
          default: return v[c];
        }
      }));
    }
  }
  return { columns, rows: rows() };
}
