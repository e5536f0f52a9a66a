import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { localized, type Locale } from "@/lib/i18n/locales";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import type { ResidentKey } from "@/lib/residents/schemas";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";
import { whenFromColumns } from "@/lib/when/when";

// Residents have no account: they exercise their rights of access (art. 15
// GDPR) and erasure (art. 17) by calling the town. A coordinator finds their
// requests by the phone number or e-mail address they gave, calls them back
// on it to check who is asking, and then exports or erases. Every step is
// written to the audit log, one entry per request, so the town admin finds it
// by the request's reference.

/** The coordinator's statement that they checked the resident's identity by phone. */
export type IdentityCheck = { identityVerified: boolean };

const ACTIVE = ["NEW", "OPEN", "MATCHED"] as const;

const matchedBy = (key: ResidentKey) => ("phone" in key ? "phone" : "email");

function whereResident(key: ResidentKey): Prisma.HelpRequestWhereInput {
  return "phone" in key ? { residentPhone: key.phone } : { residentEmail: { equals: key.email, mode: "insensitive" } };
}

/** Outbox rows about these requests: every mail about a request (to the resident or to its volunteers) names its reference. */
function mailAbout(references: string[]): Prisma.OutboxEmailWhereInput {
  return { OR: references.map((reference) => ({ data: { path: ["reference"], equals: reference } })) };
}

function requireIdentityCheck(check: IdentityCheck) {
  if (check.identityVerified !== true) throw new InvalidInput({ identityVerified: "identityCheckRequired" });
}

function identityDetails(key: ResidentKey, actorId: string, now: Date) {
  return { matchedBy: matchedBy(key), identityCheck: { method: "phone", confirmedBy: actorId, confirmedAt: now.toISOString() } };
}

async function auditEach(
  db: Pick<TenantDb, "auditLog">, tenant: Tenant<"name" | "defaultLocale">, actorId: string, action: string, requestIds: string[], details: Prisma.InputJsonObject,
) {
  for (const id of requestIds) await writeAudit(tenant, { actorId, action, subjectType: "HelpRequest", subjectId: id, details }, db);
}

/** The resident's requests in this town, for the coordinator to recognise them; the lookup is audit-logged. */
export async function findResidentRequests(tenant: Tenant<"name" | "defaultLocale">, actorId: string, key: ResidentKey, locale: Locale) {
  const db = forTenant(tenant.id);
  const rows = await db.helpRequest.findMany({
    where: whereResident(key),
    select: { id: true, reference: true, status: true, residentName: true, createdAt: true, category: { select: { labels: true } } },
    orderBy: { createdAt: "desc" },
  });
  await auditEach(db, tenant, actorId, "resident.lookup", rows.map((r) => r.id), { matchedBy: matchedBy(key) });
  return rows.map(({ category, ...r }) => ({ ...r, category: localized(category.labels, locale, tenant.defaultLocale) }));
}

/**
 * Everything this town holds about the resident, as JSON: their requests with
 * contact details, consent, coordinators' notes, what happened to the offers
 * of help, the e-mails sent to them and when staff accessed their data.
 * Volunteers appear by first name only (as in the e-mail the resident got);
 * staff are not named.
 */
export async function exportResidentData(tenant: Tenant<"name" | "defaultLocale">, actorId: string, key: ResidentKey, check: IdentityCheck, locale: Locale, now = new Date()) {
  requireIdentityCheck(check);
  const db = forTenant(tenant.id);
  const rows = await db.helpRequest.findMany({
    where: whereResident(key),
    include: {
      category: { select: { labels: true } },
      notes: { select: { body: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      responses: { select: { status: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      assignments: {
        select: { createdAt: true, doneAt: true, feedback: true, problem: true, volunteer: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
      callbacks: { select: { reason: true, dueAt: true, calledAt: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: { createdAt: "asc" },
  });
  if (rows.length === 0) throw new NotFoundInTenant("resident");
  const ids = rows.map((r) => r.id);
  const addresses = [...new Set(rows.flatMap((r) => (r.residentEmail ? [r.residentEmail.toLowerCase()] : [])))];
  const [emails, accesses] = await Promise.all([
    db.outboxEmail.findMany({
      where: { tenantId: tenant.id, to: { in: addresses }, ...mailAbout(rows.map((r) => r.reference)) },
      select: { template: true, status: true, createdAt: true, sentAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.auditLog.findMany({
      where: { subjectType: "HelpRequest", subjectId: { in: ids } },
      select: { subjectId: true, action: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  // Recorded before anything leaves the building: no export without its trace.
  await db.$transaction((tx) => auditEach(tx, tenant, actorId, "resident.export", ids, identityDetails(key, actorId, now)));

  const referenceOf = new Map(rows.map((r) => [r.id, r.reference]));
  return {
    exportedAt: now.toISOString(),
    town: tenant.name,
    requests: rows.map((r) => ({
      reference: r.reference,
      status: r.status,
      channel: r.source,
      category: localized(r.category.labels, locale, tenant.defaultLocale),
      createdAt: r.createdAt,
      closedAt: r.closedAt,
      anonymisedAt: r.anonymisedAt,
      resident: {
        name: r.residentName, phone: r.residentPhone, email: r.residentEmail, address: r.residentAddress,
        contactMethod: r.contactMethod, contactless: r.contactless, language: r.locale,
      },
      need: {
        description: r.description, when: whenFromColumns(r), timeWindow: r.timeWindow, neighbourhood: r.neighbourhood, postcode: r.postcode,
        urgency: r.urgency, ageGroup: r.ageGroup, recurrence: r.recurrence, nextOccurrenceAt: r.nextOccurrenceAt,
      },
      consent: { at: r.consentAt, channel: r.consentChannel, note: r.consentNote, textMessages: r.residentSmsConsent, textMessagesAt: r.residentSmsConsentAt },
      publicSummary: r.publicSummary,
      publishedAt: r.publishedAt,
      notes: r.notes.map((n) => ({ at: n.createdAt, text: n.body })),
      offersOfHelp: r.responses.map((o) => ({ status: o.status, at: o.createdAt })),
      helpers: r.assignments.map((a) => ({
        firstName: a.volunteer.name.split(" ")[0], assignedAt: a.createdAt, doneAt: a.doneAt, feedback: a.feedback, problemReported: a.problem,
      })),
      callsFromStaff: r.callbacks.map((c) => ({ reason: c.reason, dueAt: c.dueAt, calledAt: c.calledAt })),
    })),
    emails: emails.map((e) => ({ template: e.template, status: e.status, createdAt: e.createdAt, sentAt: e.sentAt })),
    staffAccess: accesses.map((a) => ({ request: referenceOf.get(a.subjectId), action: a.action, at: a.createdAt })),
  };
}

export type ResidentExport = Awaited<ReturnType<typeof exportResidentData>>;

/**
 * Erases the resident's personal data in this town: contact details,
 * description and consent note of every request, the coordinators' notes,
 * volunteers' feedback, and the e-mails that carried their details. Active
 * requests are cancelled (nobody can help without a way to reach them).
 * Category, neighbourhood, postcode, dates, statuses and offer counts stay for
 * the statistics, like after the retention period.
 */
export async function eraseResidentData(tenant: Tenant<"name" | "defaultLocale">, actorId: string, key: ResidentKey, check: IdentityCheck, now = new Date()) {
  requireIdentityCheck(check);
  return forTenant(tenant.id).$transaction(async (tx) => {
    const rows = await tx.helpRequest.findMany({
      where: whereResident(key),
      select: { id: true, reference: true, status: true, residentEmail: true, residentPhone: true },
    });
    if (rows.length === 0) throw new NotFoundInTenant("resident");
    const ids = rows.map((r) => r.id);

    await tx.helpRequest.updateMany({
      where: { id: { in: ids }, status: { in: [...ACTIVE] } },
      data: { status: "CANCELLED", closedAt: now },
    });
    await tx.helpRequest.updateMany({
      where: { id: { in: ids } },
      data: {
        residentName: "", residentPhone: null, residentEmail: null, residentAddress: null,
        description: "", consentNote: null, nextOccurrenceAt: null, anonymisedAt: now,
        residentSmsConsent: false, residentSmsConsentAt: null,
      },
    });
    await tx.requestNote.deleteMany({ where: { requestId: { in: ids } } });
    // Calls still owed can no longer be made: off the staff's list.
    await tx.callback.deleteMany({ where: { requestId: { in: ids }, calledAt: null } });
    await tx.assignment.updateMany({ where: { requestId: { in: ids } }, data: { feedback: null } });
    // Mail to the resident, and mail that gave volunteers their details.
    await tx.outboxEmail.deleteMany({ where: { tenantId: tenant.id, ...mailAbout(rows.map((r) => r.reference)) } });
    // Records of what reached them: by e-mail address, and by number (texts).
    await tx.notification.deleteMany({ where: { recipient: { in: rows.flatMap((r) => [r.residentEmail?.toLowerCase(), r.residentPhone].filter((x): x is string => !!x)) } } });
    const details = identityDetails(key, actorId, now);
    for (const r of rows) {
      const cancelled = (ACTIVE as readonly string[]).includes(r.status);
      await writeAudit(tenant, {
        actorId, action: "resident.erase", subjectType: "HelpRequest", subjectId: r.id,
        details: cancelled ? { ...details, cancelledFrom: r.status } : details,
      }, tx);
    }
    return { erased: rows.length, references: rows.map((r) => r.reference) };
  });
}
