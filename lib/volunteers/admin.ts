import { z } from "zod";
import { Prisma, type VolunteerStatus } from "@/generated/prisma/client";
import { DAY_MS } from "@/lib/dates/durations";
import { undeliverableAmong } from "@/lib/email/suppressions";
import { stripControl } from "@/lib/forms/text";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import { decodeCursor, encodeCursor, type Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type KeyColumn } from "@/lib/lists/keyset";
import { listParamsSchema, PAGE_SIZE } from "@/lib/lists/params";
import { searchedIds } from "@/lib/lists/search";
import { forTenant } from "@/lib/tenancy/for-tenant";

export const VOLUNTEER_STATUSES = ["ACTIVE", "PAUSED", "BLOCKED"] as const;
export const VOLUNTEER_SORTS = ["name", "created", "status"] as const;
type VolunteerSort = (typeof VOLUNTEER_SORTS)[number];

/** The staff list's state in its URL: sort, search, page, and the status and category filters. */
export const volunteerListSchema = listParamsSchema(VOLUNTEER_SORTS, "name", "asc").extend({
  status: z.enum(VOLUNTEER_STATUSES).optional().catch(undefined),
  categoryId: z.string().overwrite(stripControl).max(40).optional().catch(undefined).transform((v) => v || undefined),
});
export type VolunteerList = z.infer<typeof volunteerListSchema>;

type VolunteerRow = { id: string; name: string; postcode: string; status: VolunteerStatus; skills: string[]; createdAt: Date; email: string | null };

const col = (name: string) => Prisma.raw(`v."${name}"`);
const ID: KeyColumn = { sql: col("id"), kind: "text" };
const NAME: KeyColumn = { sql: col("name"), kind: "text" };

/** Each sort's key (an index on (tenantId, …its columns) answers it) and how a row gives it. */
const ORDERS: Record<VolunteerSort, { columns: KeyColumn[]; key: (r: VolunteerRow) => Key }> = {
  name: { columns: [NAME, ID], key: (r) => [r.name, r.id] },
  created: { columns: [{ sql: col("createdAt"), kind: "date" }, ID], key: (r) => [r.createdAt, r.id] },
  status: {
    columns: [{ sql: col("status"), kind: "text", enum: { type: '"VolunteerStatus"', values: VOLUNTEER_STATUSES } }, NAME, ID],
    key: (r) => [r.status, r.name, r.id],
  },
};

/**
 * The volunteers the list's status, category and search select, as SQL over
 * "VolunteerProfile" v (`FROM … WHERE …`). The search reads name, postcode
 * and phone (helpt_search_volunteers).
 */
export function volunteerMatching(tenantId: string, list: Partial<Pick<VolunteerList, "status" | "categoryId" | "q">>): Prisma.Sql {
  return Prisma.sql`FROM "VolunteerProfile" v WHERE v."tenantId" = ${tenantId}
    ${list.status ? Prisma.sql`AND v.status = ${list.status}::"VolunteerStatus"` : Prisma.empty}
    ${list.categoryId ? Prisma.sql`AND v."categoryIds" @> ARRAY[${list.categoryId}]::text[]` : Prisma.empty}
    ${list.q ? Prisma.sql`AND ${searchedIds("volunteers", Prisma.sql`v.id`, tenantId, list.q)}` : Prisma.empty}`;
}

/** The volunteers a search selects for the export: by name, or by the start of the postcode. */
export function volunteerWhere(opts: { q?: string }): Prisma.VolunteerProfileWhereInput | undefined {
  const q = opts.q && stripControl(opts.q).trim(); // typed in a search box: NUL would fail the query
  return q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { postcode: { startsWith: q } }] } : undefined;
}

/**
 * The town's volunteers for coordinators, one page at a time: who they are,
 * whether they are active, how much they did lately. The page is chosen first
 * (a keyset page from an index, searched by name, postcode or phone), then the
 * 30-day activity is counted for its volunteers only, so the cost does not
 * grow with the town. How many match is counted up to COUNT_CAP.
 */
export async function listVolunteers(tenant: { id: string }, list: VolunteerList = volunteerListSchema.parse({}), size = PAGE_SIZE) {
  const since = new Date(Date.now() - 30 * DAY_MS);
  const db = forTenant(tenant.id);
  const matching = volunteerMatching(tenant.id, list);
  const order = ORDERS[list.sort];
  const [fetched, counted, keyset] = await db.$transaction(async (tx) => {
    // A cursor names a volunteer by id only (no name or date in the URL); the sort key is read back from
    // that row here. A cursor naming no volunteer of this town means the first page.
    const anchor = async (token: string | undefined) => {
      const [id] = decodeCursor(token, ["text"]) ?? [];
      if (typeof id !== "string") return undefined;
      const [row] = await tx.$queryRaw<VolunteerRow[]>`
        SELECT v.id, v.name, v.status, v."createdAt" FROM "VolunteerProfile" v WHERE v."tenantId" = ${tenant.id} AND v.id = ${id}`;
      return row && encodeCursor(order.key(row));
    };
    const keyset = keysetSql({ columns: order.columns, dir: list.dir }, { after: await anchor(list.after), before: await anchor(list.before) });
    return [
      await tx.$queryRaw<VolunteerRow[]>`
      SELECT v.id, v.name, v.postcode, v.status, v.skills, v."createdAt", (SELECT u.email FROM "User" u WHERE u.id = v."userId") AS email
      ${matching} ${keyset.where} ${keyset.orderBy} LIMIT ${size + 1}`,
      await tx.$queryRaw<{ n: number }[]>(cappedCountSql(matching)),
      keyset,
    ] as const;
  });
  const page = pageOf(fetched, size, (r) => [r.id], keyset);
  const count = cappedCount(counted);
  if (page.rows.length === 0) return { ...page, count, rows: [] };
  const ids = page.rows.map((r) => r.id);
  const recent = { volunteerId: { in: ids }, createdAt: { gte: since } };
  const [responses, assignments, undeliverable] = await Promise.all([
    db.response.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
    db.assignment.groupBy({ by: ["volunteerId"], where: recent, _count: { _all: true } }),
    // Staff should know when the town's mail no longer reaches a volunteer (bounce or complaint).
    undeliverableAmong(db, page.rows.map((r) => r.email)),
  ]);
  const countOf = (groups: { volunteerId: string; _count: { _all: number } }[]) => new Map(groups.map((g) => [g.volunteerId, g._count._all]));
  const [responded, assigned] = [countOf(responses), countOf(assignments)];
  return {
    ...page,
    count,
    rows: page.rows.map(({ email, ...row }) => ({
      ...row,
      _count: { responses: responded.get(row.id) ?? 0, assignments: assigned.get(row.id) ?? 0 },
      emailUndeliverable: Boolean(email && undeliverable.has(email.toLowerCase())),
    })),
  };
}
