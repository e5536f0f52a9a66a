import { undeliverableAmong } from "@/lib/email/suppressions";
import { writeAudit } from "@/lib/audit/log";
import { localized, type Locale } from "@/lib/i18n/locales";
import { NotFoundInTenant } from "@/lib/errors";
import { queueListSchema, STATUSES, URGENCIES, type QueueFilter, type QueueList, type QueueSort } from "@/lib/requests/schemas";
import { whenFromColumns, type WhenColumns } from "@/lib/when/when";
import { Prisma, type AgeGroup, type Recurrence, type RequestSource, type RequestStatus, type Urgency } from "@/generated/prisma/client";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import type { Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type KeyColumn } from "@/lib/lists/keyset";
import { PAGE_SIZE } from "@/lib/lists/params";
import { searchedIds } from "@/lib/lists/search";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

const ACTIVE = ["NEW", "OPEN", "MATCHED"] as const;

const col = (name: string) => Prisma.raw(`r."${name}"`);
const ID: KeyColumn = { sql: col("id"), kind: "text" };
const CREATED: KeyColumn = { sql: col("createdAt"), kind: "date" };

/** Each sort's key (an index on (tenantId, …its columns) answers it) and how a row gives it. */
export const QUEUE_ORDERS: Record<QueueSort, { columns: KeyColumn[]; key: (r: QueueRow) => Key }> = {
  urgency: {
    columns: [{ sql: col("urgency"), kind: "text", enum: { type: '"Urgency"', values: URGENCIES } }, CREATED, ID],
    key: (r) => [r.urgency, r.createdAt, r.id],
  },
  created: { columns: [CREATED, ID], key: (r) => [r.createdAt, r.id] },
  // Unique in a town on its own (its unique index is the sort's).
  reference: { columns: [{ sql: col("reference"), kind: "text" }], key: (r) => [r.reference] },
  status: {
    columns: [{ sql: col("status"), kind: "text", enum: { type: '"RequestStatus"', values: STATUSES } }, CREATED, ID],
    key: (r) => [r.status, r.createdAt, r.id],
  },
};

/** What the queue shows for a URL: its filters and its search text. */
export type QueueSelection = QueueFilter & Partial<Pick<QueueList, "q">>;

/**
 * The requests the queue's filters and search select, as SQL over
 * "HelpRequest" r (`FROM … WHERE …`): for its pages, its count and its export
 * alike, so a download holds what the page shows. The search reads reference,
 * neighbourhood, postcode and public summary (helpt_search_requests).
 */
export function queueMatching(tenantId: string, filter: QueueSelection): Prisma.Sql {
  return Prisma.sql`FROM "HelpRequest" r WHERE r."tenantId" = ${tenantId}
    AND ${filter.status ? Prisma.sql`r.status = ${filter.status}::"RequestStatus"` : Prisma.sql`r.status IN (${Prisma.join(ACTIVE.map((s) => Prisma.sql`${s}::"RequestStatus"`))})`}
    ${filter.categoryId ? Prisma.sql`AND r."categoryId" = ${filter.categoryId}` : Prisma.empty}
    ${filter.neighbourhood ? Prisma.sql`AND lower(r.neighbourhood) = lower(${filter.neighbourhood})` : Prisma.empty}
    ${filter.urgency ? Prisma.sql`AND r.urgency = ${filter.urgency}::"Urgency"` : Prisma.empty}
    ${filter.ageGroup ? Prisma.sql`AND r."ageGroup" = ${filter.ageGroup}::"AgeGroup"` : Prisma.empty}
    ${filter.source ? Prisma.sql`AND r.source = ${filter.source}::"RequestSource"` : Prisma.empty}
    ${filter.q ? Prisma.sql`AND ${searchedIds("requests", Prisma.sql`r.id`, tenantId, filter.q)}` : Prisma.empty}`;
}

type QueueRow = WhenColumns & {
  id: string; reference: string; status: RequestStatus; source: RequestSource; urgency: Urgency; ageGroup: AgeGroup;
  neighbourhood: string; postcode: string; timeWindow: string; createdAt: Date; recurrence: Recurrence; labels: Prisma.JsonValue;
  /** The partner that referred it, if one did. */
  referredBy: string | null;
};

/**
 * The coordinators' queue, one page at a time (no personal data in the list):
 * the filters, the search and the sort of `list`, a keyset page of `size` rows
 * from its cursor, and how many match, counted up to COUNT_CAP.
 */
export async function listQueue(tenant: Tenant<"defaultLocale">, filter: QueueFilter, locale: Locale, list: QueueList = queueListSchema.parse({}), size = PAGE_SIZE) {
  const matching = queueMatching(tenant.id, { ...filter, q: list.q });
  const order = QUEUE_ORDERS[list.sort];
  const keyset = keysetSql({ columns: order.columns, dir: list.dir }, list);
  const [fetched, counted] = await forTenant(tenant.id).$transaction(async (tx) => [
    await tx.$queryRaw<QueueRow[]>`
      SELECT r.id, r.reference, r.status, r.source, r.urgency, r."ageGroup", r.neighbourhood, r.postcode, r."timeWindow", r."createdAt",
             r.recurrence, r."whenKind", r."whenDate", r."whenWeekday", r."whenPart",
             (SELECT c.labels FROM "Category" c WHERE c."tenantId" = r."tenantId" AND c.id = r."categoryId") AS labels,
             (SELECT o.name FROM "Referral" f JOIN "Organisation" o ON o."tenantId" = f."tenantId" AND o.id = f."organisationId"
               WHERE f."tenantId" = r."tenantId" AND f."requestId" = r.id) AS "referredBy"
      ${matching} ${keyset.where} ${keyset.orderBy} LIMIT ${size + 1}`,
    await tx.$queryRaw<{ n: number }[]>(cappedCountSql(matching)),
  ] as const);
  const page = pageOf(fetched, size, order.key, keyset);
  return {
    ...page,
    count: cappedCount(counted),
    rows: page.rows.map(({ labels, ...r }) => ({ ...r, when: whenFromColumns(r), category: localized(labels as Record<string, string>, locale, tenant.defaultLocale) })),
  };
}

/** The neighbourhood filter's options, at most this many. */
const NEIGHBOURHOODS_SHOWN = 500;

/**
 * Neighbourhoods that occur in the town's requests, for the queue filter: one
 * index seek per distinct name on (tenantId, neighbourhood), so the cost grows
 * with the names, not with the requests.
 */
export async function listRequestNeighbourhoods(tenant: { id: string }): Promise<string[]> {
  const rows = await forTenant(tenant.id).$transaction((tx) => tx.$queryRaw<{ name: string }[]>`
    WITH RECURSIVE names AS (
      (SELECT neighbourhood AS name FROM "HelpRequest" WHERE "tenantId" = ${tenant.id} AND neighbourhood > '' ORDER BY neighbourhood LIMIT 1)
      UNION ALL
      SELECT (SELECT h.neighbourhood FROM "HelpRequest" h WHERE h."tenantId" = ${tenant.id} AND h.neighbourhood > names.name ORDER BY h.neighbourhood LIMIT 1)
        FROM names WHERE names.name IS NOT NULL
    )
    SELECT name FROM names WHERE name IS NOT NULL LIMIT ${NEIGHBOURHOODS_SHOWN}`);
  return rows.map((r) => r.name);
}

/** A request with its personal data, for staff. Every call is written to the audit log. */
export async function getRequestForStaff(tenant: Tenant<"defaultLocale">, actorId: string, id: string, locale: Locale) {
  const db = forTenant(tenant.id);
  const row = await db.helpRequest.findFirst({
    where: { id },
    include: {
      category: { select: { labels: true } },
      createdBy: { select: { email: true, name: true } },
      notes: { include: { author: { select: { email: true, name: true } } }, orderBy: { createdAt: "asc" } },
      assignments: { include: { volunteer: { select: { name: true, phone: true } } }, orderBy: { createdAt: "asc" } },
      callbacks: { select: { id: true, reason: true, dueAt: true, calledAt: true, calledBy: { select: { email: true, name: true } } }, orderBy: { createdAt: "asc" } },
      referral: { select: { referrerName: true, referrerPhone: true, createdAt: true, organisation: { select: { name: true, kind: true } } } },
    },
  });
  if (!row) throw new NotFoundInTenant("request");
  await writeAudit(tenant, { actorId, action: "request.view", subjectType: "HelpRequest", subjectId: id });
  const undeliverable = await undeliverableAmong(db, [row.residentEmail]);
  return {
    ...row,
    when: whenFromColumns(row),
    categoryLabel: localized(row.category.labels, locale, tenant.defaultLocale),
    residentEmailUndeliverable: Boolean(row.residentEmail && undeliverable.has(row.residentEmail.toLowerCase())),
  };
}

/** Other active requests from the same phone number or address: likely duplicates. */
export async function findDuplicates(
  tenant: { id: string },
  request: { id: string; residentPhone: string | null; residentAddress: string | null },
) {
  const or = [
    ...(request.residentPhone ? [{ residentPhone: request.residentPhone }] : []),
    ...(request.residentAddress ? [{ residentAddress: { equals: request.residentAddress, mode: "insensitive" as const } }] : []),
  ];
  if (or.length === 0) return [];
  return forTenant(tenant.id).helpRequest.findMany({
    where: { id: { not: request.id }, status: { in: [...ACTIVE] }, OR: or },
    select: { id: true, reference: true, status: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** The resident-facing confirmation: only what they need to refer to their request. */
export async function getConfirmation(tenant: { id: string }, reference: string) {
  return forTenant(tenant.id).helpRequest.findFirst({
    where: { reference: reference.toUpperCase() },
    select: { id: true, reference: true, contactMethod: true, source: true, createdAt: true },
  });
}
