import { Prisma } from "@/generated/prisma/client";
import { auditWhere, type AuditFilter } from "@/lib/audit/filter";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import type { Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type Direction, type KeyOrder } from "@/lib/lists/keyset";
import { listParamsSchema, PAGE_SIZE } from "@/lib/lists/params";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";

export type AuditEntry = {
  actorId: string | null;
  action: string; // e.g. "request.view", "request.status"
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonValue;
};

/** Records who saw or changed personal data. Pass `db` to write inside the caller's transaction. */
export async function writeAudit(tenant: { id: string }, entry: AuditEntry, db: Pick<TenantDb, "auditLog"> = forTenant(tenant.id)) {
  await db.auditLog.create({ data: { tenantId: tenant.id, ...entry } });
}

/** The log's sort orders: by time (newest first unless turned round), or by action and then time. */
export const AUDIT_SORTS = ["time", "action"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];
export const auditListSchema = listParamsSchema(AUDIT_SORTS, "time", "desc");
export type AuditList = { sort: AuditSort; dir: Direction; after?: string; before?: string };

const TIME_KEY = [{ sql: Prisma.sql`a."createdAt"`, kind: "date" }, { sql: Prisma.sql`a.id`, kind: "text" }] as const;
const ORDERS: Record<AuditSort, KeyOrder["columns"]> = {
  time: TIME_KEY,
  action: [{ sql: Prisma.sql`a.action`, kind: "text" }, ...TIME_KEY],
};
const keyOf = (sort: AuditSort) => (r: Row): Key => (sort === "action" ? [r.action, r.createdAt, r.id] : [r.createdAt, r.id]);

type Row = {
  id: string; action: string; subjectType: string; subjectId: string; details: Prisma.JsonValue | null; createdAt: Date;
  actor: { email: string; name: string | null } | null;
};
type SqlRow = Omit<Row, "actor"> & { actorEmail: string | null; actorName: string | null };

/** One page of entries matching `where` (SQL over "AuditLog" a), in the town's own transaction (row-level security on). */
async function auditPage(tenant: { id: string }, where: Prisma.Sql, list: AuditList, size: number) {
  const plan = keysetSql({ columns: ORDERS[list.sort], dir: list.dir }, list);
  const rows = await forTenant(tenant.id).$transaction((tx) => tx.$queryRaw<SqlRow[]>`
    SELECT a.id, a.action, a."subjectType", a."subjectId", a.details, a."createdAt", u.email AS "actorEmail", u.name AS "actorName"
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
     WHERE ${where} ${plan.where}
     ${plan.orderBy} LIMIT ${size + 1}`);
  const entries = rows.map(({ actorEmail, actorName, ...r }): Row => ({ ...r, actor: actorEmail === null ? null : { email: actorEmail, name: actorName } }));
  return pageOf(entries, size, keyOf(list.sort), plan);
}

/** Entries about requests carry the request's id; people search by its reference, so show it. */
async function withReferences(tenant: { id: string }, rows: Row[]) {
  const ids = [...new Set(rows.filter((r) => r.subjectType === "HelpRequest").map((r) => r.subjectId))];
  const requests = ids.length
    ? await forTenant(tenant.id).helpRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true } })
    : [];
  const referenceOf = new Map(requests.map((r) => [r.id, r.reference]));
  return rows.map((r) => ({ ...r, reference: r.subjectType === "HelpRequest" ? (referenceOf.get(r.subjectId) ?? null) : null }));
}

export type AuditRow = Awaited<ReturnType<typeof withReferences>>[number];

const NEWEST_FIRST: AuditList = { sort: "time", dir: "desc" };

/**
 * The town admin's view of the audit log: one page of matches (keyset: the
 * 1,000th page costs what the first does) and how many there are, counted up
 * to 10,000.
 */
export async function listAudit(tenant: { id: string; timeZone: string }, filter: AuditFilter = {}, list: AuditList = NEWEST_FIRST, size = PAGE_SIZE) {
  const where = await auditWhere(tenant, filter);
  const [page, counted] = await Promise.all([
    auditPage(tenant, where, list, size),
    forTenant(tenant.id).$transaction((tx) => tx.$queryRaw<{ n: number }[]>(cappedCountSql(Prisma.sql`FROM "AuditLog" a WHERE ${where}`))),
  ]);
  return { entries: await withReferences(tenant, page.rows), next: page.next, prev: page.prev, total: cappedCount(counted) };
}

/** Every matching entry, newest first, in batches: the same search as the page, stable while new entries arrive. */
export async function* auditBatches(tenant: { id: string; timeZone: string }, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  const where = await auditWhere(tenant, filter);
  let after: string | undefined;
  for (;;) {
    const page = await auditPage(tenant, where, { ...NEWEST_FIRST, after }, batchSize);
    if (page.rows.length === 0) return;
    yield await withReferences(tenant, page.rows);
    if (!page.next) return;
    after = page.next;
  }
}

/** The actions recorded in this town, for the filter's choices. */
export async function auditActions(tenant: { id: string }): Promise<string[]> {
  const rows = await forTenant(tenant.id).auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
