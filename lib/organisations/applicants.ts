import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { VacancyStatus } from "@/generated/prisma/enums";
import { idSchema } from "@/lib/forms/bound";
import { cappedCount, cappedCountSql } from "@/lib/lists/count";
import type { Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type KeyOrder } from "@/lib/lists/keyset";
import { listParamsSchema, PAGE_SIZE } from "@/lib/lists/params";
import { containsPattern } from "@/lib/lists/search";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";
import { ownOrganisation } from "@/lib/organisations/vacancies";

export const APPLICANT_SORTS = ["applied", "name"] as const;
type ApplicantSort = (typeof APPLICANT_SORTS)[number];

/** The applicants list's URL: sort, search, page, and which vacancy or vacancy status. Anything malformed is ignored. */
export const applicantListSchema = listParamsSchema(APPLICANT_SORTS, "applied", "desc").extend({
  vacancy: idSchema.optional().catch(undefined),
  status: z.enum(Object.values(VacancyStatus)).optional().catch(undefined),
});
export type ApplicantList = Partial<z.output<typeof applicantListSchema>> & Pick<z.output<typeof applicantListSchema>, "sort" | "dir">;

const ORDERS: Record<ApplicantSort, KeyOrder["columns"]> = {
  applied: [{ sql: Prisma.sql`a."createdAt"`, kind: "date" }, { sql: Prisma.sql`a.id`, kind: "text" }],
  name: [{ sql: Prisma.sql`p.name`, kind: "text" }, { sql: Prisma.sql`a.id`, kind: "text" }],
};

export type Applicant = {
  id: string; createdAt: Date; message: string | null; name: string; phone: string; email: string;
  vacancyId: string; vacancyTitle: string; vacancyStatus: VacancyStatus;
};

const keyOf = (sort: ApplicantSort) => (r: Applicant): Key => (sort === "name" ? [r.name, r.id] : [r.createdAt, r.id]);

/**
 * Who applied to the organisation's vacancies (they chose to share their
 * details with it), a page at a time, searched by name or e-mail. Only this
 * organisation's vacancies, in this town: named here and by row-level security.
 */
export async function listApplicants(tenant: Tenant, userId: string, list: ApplicantList, size = PAGE_SIZE) {
  const org = await ownOrganisation(tenant, userId);
  if (!org) return null;
  const and = [Prisma.sql`a."tenantId" = ${tenant.id}`, Prisma.sql`v."organisationId" = ${org.id}`];
  if (list.vacancy) and.push(Prisma.sql`v.id = ${list.vacancy}`);
  if (list.status) and.push(Prisma.sql`v.status::text = ${list.status}`);
  if (list.q) {
    const pattern = containsPattern(list.q);
    and.push(Prisma.sql`(p.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  const from = Prisma.sql`
    FROM "VacancyApplication" a
    JOIN "Vacancy" v ON v."tenantId" = a."tenantId" AND v.id = a."vacancyId"
    JOIN "VolunteerProfile" p ON p."tenantId" = a."tenantId" AND p.id = a."volunteerId"
    JOIN "User" u ON u.id = p."userId"
   WHERE ${Prisma.join(and, " AND ")}`;
  const plan = keysetSql({ columns: ORDERS[list.sort], dir: list.dir }, list);
  const [rows, counted] = await forTenant(tenant.id).$transaction(async (tx) => [
    await tx.$queryRaw<Applicant[]>`
      SELECT a.id, a."createdAt", a.message, p.name, p.phone, u.email, v.id AS "vacancyId", v.title AS "vacancyTitle", v.status AS "vacancyStatus"
      ${from} ${plan.where} ${plan.orderBy} LIMIT ${size + 1}`,
    await tx.$queryRaw<{ n: number }[]>(cappedCountSql(from)),
  ] as const);
  return { ...pageOf(rows, size, keyOf(list.sort), plan), total: cappedCount(counted) };
}
