import { Prisma } from "@/generated/prisma/client";
import { localized, type Locale } from "@/lib/i18n/locales";
import { whenFromColumns, type WhenColumns } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

/** Cards per page: every town's page costs the same, however many requests it has open. */
export const PUBLIC_PAGE_SIZE = 24;
/** Open requests are counted up to this many; beyond, the page says "more than". */
export const PUBLIC_COUNT_LIMIT = 1000;

/** Where a page starts: the last request of the page before it (newest first, ties on id). */
export type PublicCursor = { publishedAt: Date; id: string };

// "<milliseconds since 1970>_<request id>": publishedAt is stored to the
// millisecond (TIMESTAMP(3)), so the cursor is exact.
const CURSOR = /^(\d{1,15})_([A-Za-z0-9_-]{1,64})$/;
// Year 9999: past it, a date has no ISO form that PostgreSQL reads.
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeCursor(c: PublicCursor): string {
  return `${c.publishedAt.getTime()}_${c.id}`;
}

/** A cursor from the address bar; anything else (absent, repeated, malformed) is the first page. */
export function parseCursor(raw: unknown): PublicCursor | null {
  if (typeof raw !== "string") return null;
  const m = CURSOR.exec(raw);
  return m && Number(m[1]) <= LATEST ? { publishedAt: new Date(Number(m[1])), id: m[2] } : null;
}

type Row = WhenColumns & {
  id: string; neighbourhood: string | null; timeWindow: string; recurrence: string; publicSummary: string | null;
  contactless: boolean; publishedAt: Date; labels: unknown; open: number;
};

/**
 * One page of what volunteers and the public see, newest first: category,
 * neighbourhood, time window and the coordinator's anonymised summary, none
 * for a category that needs checks (the explicit column list is the guarantee
 * that no personal field can reach a public page). One backward read of the (tenantId, status, publishedAt, id)
 * index; `open` counts the town's open requests up to PUBLIC_COUNT_LIMIT + 1.
 */
export async function publicRequestsPage(tenant: Tenant<"defaultLocale">, locale: Locale, before: PublicCursor | null, size = PUBLIC_PAGE_SIZE) {
  const db = forTenant(tenant.id);
  const after = before ? Prisma.sql`AND (h."publishedAt", h.id) < (${before.publishedAt.toISOString()}::timestamp(3), ${before.id})` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT h.id, h.neighbourhood, h."timeWindow", h."whenKind", h."whenDate", h."whenWeekday", h."whenPart", h.recurrence,
           -- A category that needs checks shows no summary: only volunteers who have them read it (lib/checks).
           CASE WHEN cardinality(c."requiredChecks") > 0 THEN NULL ELSE h."publicSummary" END AS "publicSummary",
           h.contactless, h."publishedAt", c.labels,
           (SELECT count(*) FROM (SELECT 1 FROM "HelpRequest" o
              WHERE o."tenantId" = ${tenant.id} AND o.status = 'OPEN' AND o."publishedAt" IS NOT NULL
              LIMIT ${PUBLIC_COUNT_LIMIT + 1}) o)::int AS open
      FROM (SELECT * FROM "HelpRequest" h
             WHERE h."tenantId" = ${tenant.id} AND h.status = 'OPEN' AND h."publishedAt" IS NOT NULL ${after}
             ORDER BY h."publishedAt" DESC, h.id DESC
             LIMIT ${size + 1}) h
      JOIN "Category" c ON c."tenantId" = h."tenantId" AND c.id = h."categoryId"
     ORDER BY h."publishedAt" DESC, h.id DESC`;
  const shown = rows.slice(0, size);
  const last = shown.at(-1);
  return {
    requests: shown.map(({ labels, open: _open, whenKind, whenDate, whenWeekday, whenPart, ...r }) => ({
      ...r, when: whenFromColumns({ whenKind, whenDate, whenWeekday, whenPart }), category: localized(labels, locale, tenant.defaultLocale),
    })),
    /** The next (older) page's cursor, when there is one. */
    older: rows.length > size && last ? encodeCursor(last) : null,
    /** Open requests in the town, exact up to PUBLIC_COUNT_LIMIT; null on a page past the end. */
    open: rows[0] ? { count: Math.min(rows[0].open, PUBLIC_COUNT_LIMIT), more: rows[0].open > PUBLIC_COUNT_LIMIT } : null,
  };
}
