import { Prisma, type Role } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { COORDINATOR_ROLES } from "@/lib/auth/guard";
import { localTimestamp } from "@/lib/dates/zoned";
import type { ExportFormat } from "@/lib/export/table";
import { localized, type Locale } from "@/lib/i18n/locales";
import { queueMatching, type QueueSelection } from "@/lib/requests/queries";
import { WHEN_SELECT, whenFromColumns, type When } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

/** What every staff member sees of a request in the queue: no personal data. */
const QUEUE_COLUMNS = [
  "reference", "status", "source", "category", "neighbourhood", "postcode", "when", "urgency", "ageGroup", "recurrence",
  "createdAt", "publishedAt", "closedAt",
] as const;
/**
 * The resident's contact details: only for coordinators and admins. Staff see
 * them one request at a time on its page (each view audited); a file of every
 * resident's details is a coordinator's responsibility.
 */
const CONTACT_COLUMNS = ["residentName", "residentPhone", "residentEmail", "residentAddress", "contactMethod"] as const;

export type RequestColumn = (typeof QUEUE_COLUMNS)[number] | (typeof CONTACT_COLUMNS)[number];

export function requestColumns(roles: readonly Role[]): RequestColumn[] {
  return roles.some((r) => COORDINATOR_ROLES.includes(r)) ? [...QUEUE_COLUMNS, ...CONTACT_COLUMNS] : [...QUEUE_COLUMNS];
}

/** How values are written for the reader: enum values and the when in their language. */
export type RequestWords = { enumValue: (group: "status" | "source" | "urgency" | "ageGroup" | "recurrence" | "contactMethod", value: string) => string; when: (when: When, weekly: boolean) => string };

const SELECT = {
  id: true, reference: true, status: true, source: true, neighbourhood: true, postcode: true, urgency: true, ageGroup: true, recurrence: true,
  createdAt: true, publishedAt: true, closedAt: true, timeWindow: true, ...WHEN_SELECT,
  residentName: true, residentPhone: true, residentEmail: true, residentAddress: true, contactMethod: true,
  category: { select: { labels: true } },
} as const;
type Row = Prisma.HelpRequestGetPayload<{ select: typeof SELECT }>;

const BATCH = 1000;

/**
 * The selected requests in batches, oldest first, by keyset (a deep batch
 * costs what the first does): each batch's ids by the queue's own SQL, then
 * their columns.
 */
async function* batches(tenant: { id: string }, matching: Prisma.Sql): AsyncGenerator<Row[]> {
  const db = forTenant(tenant.id);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const keys: { id: string; createdAt: Date }[] = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
      SELECT r.id, r."createdAt" ${matching} ${after ? Prisma.sql`AND (r."createdAt", r.id) > (${after.createdAt}::timestamp(3), ${after.id})` : Prisma.empty}
       ORDER BY r."createdAt", r.id LIMIT ${BATCH}`;
    const page: Row[] = keys.length === 0 ? [] : await db.helpRequest.findMany({
      where: { id: { in: keys.map((r) => r.id) } }, select: SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (page.length > 0) yield page;
    if (keys.length < BATCH) return;
    after = keys[keys.length - 1];
  }
}

function cell(column: RequestColumn, r: Row, tenant: Tenant<"defaultLocale" | "timeZone">, locale: Locale, words: RequestWords): string | null {
  const time = (d: Date | null) => (d ? localTimestamp(d, tenant.timeZone) : null);
  switch (column) {
    case "category": return localized(r.category.labels, locale, tenant.defaultLocale);
    case "when": return [words.when(whenFromColumns(r), r.recurrence === "WEEKLY"), r.timeWindow].filter(Boolean).join(" · ");
    case "status": case "source": case "urgency": case "ageGroup": case "recurrence": case "contactMethod": return words.enumValue(column, r[column]);
    case "createdAt": case "publishedAt": case "closedAt": return time(r[column]);
    default: return r[column];
  }
}

/**
 * The requests the queue shows for the same filters and search, as rows of the columns the reader's
 * role may see. The export is written to the audit log (who, which filters,
 * which columns, how many rows) before any row leaves.
 */
export async function exportRequests(
  tenant: Tenant<"defaultLocale" | "timeZone">, actor: { userId: string; roles: readonly Role[] }, filter: QueueSelection, format: ExportFormat, locale: Locale, words: RequestWords,
): Promise<{ columns: RequestColumn[]; rows: AsyncGenerator<(string | null)[][]> }> {
  const columns = requestColumns(actor.roles);
  const matching = queueMatching(tenant.id, filter);
  const [{ n: count }] = await forTenant(tenant.id).$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${matching}`;
  // Which filters, not their values: what was typed (a name, another town's id) stays out of a log kept for years.
  const filters = Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [k]));
  await writeAudit(tenant, { actorId: actor.userId, action: "request.export", subjectType: "Tenant", subjectId: tenant.id, details: { format, filters, rows: count, columns } });
  async function* rows() {
    for await (const batch of batches(tenant, matching)) yield batch.map((r) => columns.map((c) => cell(c, r, tenant, locale, words)));
  }
  return { columns, rows: rows() };
}
