import type { Prisma } from "@/generated/prisma/client";
import { undeliverableAmong } from "@/lib/email/suppressions";
import { writeAudit } from "@/lib/audit/log";
import { localized, type Locale } from "@/lib/i18n/locales";
import { NotFoundInTenant } from "@/lib/errors";
import type { QueueFilter } from "@/lib/requests/schemas";
import { WHEN_SELECT, whenFromColumns } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

const ACTIVE = ["NEW", "OPEN", "MATCHED"] as const;

/** The requests the queue's filters select (the queue and its export). */
export function queueWhere(filter: QueueFilter): Prisma.HelpRequestWhereInput {
  return {
    status: filter.status ?? { in: [...ACTIVE] },
    categoryId: filter.categoryId,
    neighbourhood: filter.neighbourhood ? { equals: filter.neighbourhood, mode: "insensitive" } : undefined,
    urgency: filter.urgency,
    ageGroup: filter.ageGroup,
  };
}

/** The coordinators' queue: no personal data in the list, newest and most urgent first. */
export async function listQueue(tenant: Tenant<"defaultLocale">, filter: QueueFilter, locale: Locale) {
  const rows = await forTenant(tenant.id).helpRequest.findMany({
    where: queueWhere(filter),
    select: {
      id: true, reference: true, status: true, source: true, urgency: true, ageGroup: true,
      neighbourhood: true, postcode: true, timeWindow: true, createdAt: true, recurrence: true, ...WHEN_SELECT,
      category: { select: { labels: true } },
    },
    orderBy: [{ urgency: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  return rows.map(({ category, ...r }) => ({ ...r, when: whenFromColumns(r), category: localized(category.labels, locale, tenant.defaultLocale) }));
}

/** Neighbourhoods that occur in the town's requests, for the queue filter. */
export async function listRequestNeighbourhoods(tenant: { id: string }): Promise<string[]> {
  const rows = await forTenant(tenant.id).helpRequest.findMany({
    where: { neighbourhood: { not: "" } },
    distinct: ["neighbourhood"],
    select: { neighbourhood: true },
    orderBy: { neighbourhood: "asc" },
  });
  return rows.map((r) => r.neighbourhood);
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
    select: { reference: true, contactMethod: true, createdAt: true },
  });
}
