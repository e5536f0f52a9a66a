import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { parseDay, startOfDay } from "@/lib/dates/zoned";
import { fieldErrors } from "@/lib/forms/state";
import { stripControl } from "@/lib/forms/text";
import { containsPattern, searchedIds } from "@/lib/lists/search";
import { forTenant } from "@/lib/tenancy/for-tenant";

// Error messages are translation keys under `form.errors`.

const text = (max: number) =>
  z.string().overwrite(stripControl).trim().max(max, "tooLong").optional().transform((s) => s || undefined);

const day = z
  .string()
  .trim()
  .optional()
  .transform((s) => s || undefined)
  .refine((s) => s === undefined || parseDay(s) !== null, "invalidDate");

/** The town admin's search in the audit log: free text, who, what, which subject (a request's reference or any id), from/to day. */
export const auditFilterSchema = z
  .object({ q: text(100), actor: text(254), action: text(60), subject: text(100), from: day, to: day })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "dateOrder" });

export type AuditFilter = Partial<z.output<typeof auditFilterSchema>>;

export const AUDIT_FILTER_FIELDS = ["q", "actor", "action", "subject", "from", "to"] as const;

/** Query-string values (the first of repeated ones) → a filter, or per-field errors. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>) {
  const values: Record<string, string> = {};
  for (const key of AUDIT_FILTER_FIELDS) {
    const v = params[key];
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string" && first !== "") values[key] = first.slice(0, 300);
  }
  const parsed = auditFilterSchema.safeParse(values);
  return parsed.success
    ? { values, filter: parsed.data, errors: {} as Record<string, string> }
    : { values, filter: null, errors: fieldErrors(parsed.error) };
}

/** A request reference typed by the admin (any case) → the request's id in this town, so its entries match. */
async function requestIdOf(tenantId: string, reference: string): Promise<string | undefined> {
  const row = await forTenant(tenantId).helpRequest.findFirst({ where: { reference: reference.toUpperCase() }, select: { id: true } });
  return row?.id;
}

// People's searched fields, as the trigram index of migration 20261204600000
// spells them (people are global: no row-level security in the way). The
// entries' own (action, subject type and id) are read by helpt_search_audit.
const PERSON_TEXT = Prisma.sql`(u.email || chr(1) || coalesce(u.name, ''))`;

/**
 * Entries by people whose e-mail or name contains the text. The people are
 * found first (ARRAY(…) runs once), so the entries are then read by the
 * actor index, alongside the text's own index, instead of by a scan.
 */
const actorMatches = (pattern: string) =>
  Prisma.sql`a."actorId" = ANY(ARRAY(SELECT u.id FROM "User" u WHERE ${PERSON_TEXT} ILIKE ${pattern}))`;

/**
 * The filter as SQL over "AuditLog" a, for the page, its count and the export
 * alike. The town's id is named here as well as by row-level security. The
 * filter's days are the town's days (its time zone), as its staff see them.
 */
export async function auditWhere(tenant: { id: string; timeZone: string }, f: AuditFilter): Promise<Prisma.Sql> {
  const and: Prisma.Sql[] = [Prisma.sql`a."tenantId" = ${tenant.id}`];
  if (f.q) {
    const pattern = containsPattern(f.q);
    const requestId = await requestIdOf(tenant.id, f.q);
    and.push(Prisma.sql`(${searchedIds("audit", Prisma.sql`a.id`, tenant.id, f.q)} OR ${actorMatches(pattern)}${requestId ? Prisma.sql` OR a."subjectId" = ${requestId}` : Prisma.empty})`);
  }
  if (f.actor) and.push(actorMatches(containsPattern(f.actor)));
  if (f.action) and.push(Prisma.sql`a.action = ${f.action}`);
  if (f.subject) {
    const requestId = await requestIdOf(tenant.id, f.subject);
    and.push(Prisma.sql`a."subjectId" IN (${Prisma.join(requestId ? [f.subject, requestId] : [f.subject])})`);
  }
  if (f.from) and.push(Prisma.sql`a."createdAt" >= ${startOfDay(f.from, 0, tenant.timeZone)}::timestamp(3)`);
  if (f.to) and.push(Prisma.sql`a."createdAt" < ${startOfDay(f.to, 1, tenant.timeZone)}::timestamp(3)`);
  return Prisma.join(and, " AND ");
}
