import { Prisma, type RequestStatus } from "@/generated/prisma/client";
import { localized, type Locale } from "@/lib/i18n/locales";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import type { Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf } from "@/lib/lists/keyset";
import { listParamsSchema, PAGE_SIZE } from "@/lib/lists/params";
import { partnerSeat } from "@/lib/partners/members";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

/** The referrals list's URL: newest or oldest first, and the page's cursor. */
export const referralListSchema = listParamsSchema(["referred"], "referred", "desc");
export type ReferralList = Pick<ReturnType<typeof referralListSchema.parse>, "dir" | "after" | "before">;

type Row = {
  id: string; createdAt: Date; referrerName: string; reference: string; status: RequestStatus;
  closedAt: Date | null; updatedAt: Date; labels: Prisma.JsonValue;
};

/**
 * What a partner sees of its own referrals, a page at a time: the request's
 * reference, category, status and dates, and who referred it. Never the
 * volunteer, never another partner's referrals (named here; the town's wall
 * below). Null when the user works for no partner of this town.
 */
export async function listReferrals(tenant: Tenant<"defaultLocale">, userId: string, list: ReferralList, locale: Locale, size = PAGE_SIZE) {
  const seat = await partnerSeat(tenant, userId);
  if (!seat) return null;
  const from = Prisma.sql`
    FROM "Referral" f
    JOIN "HelpRequest" r ON r."tenantId" = f."tenantId" AND r.id = f."requestId"
   WHERE f."tenantId" = ${tenant.id} AND f."organisationId" = ${seat.organisation.id}`;
  const plan = keysetSql({ columns: [{ sql: Prisma.sql`f."createdAt"`, kind: "date" }, { sql: Prisma.sql`f.id`, kind: "text" }], dir: list.dir }, list);
  const [rows, counted] = await forTenant(tenant.id).$transaction(async (tx) => [
    await tx.$queryRaw<Row[]>`
      SELECT f.id, f."createdAt", f."referrerName", r.reference, r.status, r."closedAt", r."updatedAt",
             (SELECT c.labels FROM "Category" c WHERE c."tenantId" = r."tenantId" AND c.id = r."categoryId") AS labels
      ${from} ${plan.where} ${plan.orderBy} LIMIT ${size + 1}`,
    await tx.$queryRaw<{ n: number }[]>(cappedCountSql(from)),
  ] as const);
  const page = pageOf(rows, size, (r): Key => [r.createdAt, r.id], plan);
  return {
    ...page,
    total: cappedCount(counted),
    rows: page.rows.map(({ labels, ...r }) => ({ ...r, category: localized(labels as Record<string, string>, locale, tenant.defaultLocale) })),
  };
}
