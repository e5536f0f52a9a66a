import { Prisma } from "@/generated/prisma/client";
import type { RequestStatus } from "@/generated/prisma/enums";
import { coordinatesOf } from "@/lib/areas/coordinates";
import { writeAudit } from "@/lib/audit/log";
import { isUniqueViolation } from "@/lib/db/errors";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { concernLinkUrl } from "@/lib/concerns/link-token";
import { residentContact, scheduleCallbackIfNeeded, townReach } from "@/lib/callbacks/reach";
import { queueFirstWave } from "@/lib/requests/first-wave";
import { newReference } from "@/lib/requests/reference";
import type { OnlineRequestInput, PhoneRequestInput } from "@/lib/requests/schemas";
import { whenToColumns, type When } from "@/lib/when/when";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { logger } from "@/lib/log/logger";
import { DAY_MS } from "@/lib/dates/durations";
import type { Tenant } from "@/lib/tenancy/tenant";

/** Who referred a request for a resident (lib/referrals): the partner, and the member's name and phone to call back. */
export type ReferralMeta = { organisationId: string; referrerName: string; referrerPhone: string | null };

export type NewRequestMeta = (
  | { source: "ONLINE"; locale: string }
  | { source: "PHONE"; locale: string; staffId: string }
  | { source: "REFERRAL"; locale: string; staffId: string; referral: ReferralMeta }
) & {
  /** The form's submission key (lib/forms/submission-key.ts): the same key again answers with the first request. */
  submissionKey?: string;
};

/**
 * Registers a request (online by the resident, by staff during a call, or
 * by a partner organisation's member for a resident).
 * Idempotent per submission key: a retried form gets the request it created.
 */
export async function createRequest(
  tenant: Tenant,
  input: OnlineRequestInput | PhoneRequestInput,
  meta: NewRequestMeta,
): Promise<{ id: string; reference: string }> {
  const db = forTenant(tenant.id);
  const submissionKey = meta.submissionKey;
  const earlier = () =>
    submissionKey ? db.helpRequest.findFirst({ where: { submissionKey }, select: { id: true, reference: true } }) : Promise.resolve(null);
  const first = await earlier();
  if (first) return first;
  const category = await db.category.findFirst({ where: { id: input.categoryId, active: true }, select: { id: true } });
  if (!category) throw new InvalidInput({ categoryId: "invalidChoice" });

  const phoneFields =
    meta.source !== "ONLINE" && "urgency" in input
      ? {
          urgency: input.urgency, ageGroup: input.ageGroup,
          consentNote: input.consentNote, createdById: meta.staffId,
        }
      : {};
  const data = {
    tenantId: tenant.id,
    categoryId: category.id,
    source: meta.source,
    consentChannel: meta.source,
    description: input.description,
    ...whenToColumns(input.when),
    recurrence: input.recurrence,
    timeWindow: input.timeWindow,
    neighbourhood: input.neighbourhood ?? "",
    postcode: input.postcode.toUpperCase(),
    residentName: input.name,
    residentPhone: input.phone,
    residentEmail: input.email,
    residentAddress: input.address,
    contactMethod: input.contactMethod,
    contactless: input.contactless,
    // Consent to texts means nothing without a number to text.
    residentSmsConsent: input.smsConsent && !!input.phone,
    residentSmsConsentAt: input.smsConsent && input.phone ? new Date() : null,
    locale: meta.locale,
    submissionKey,
    ...(await coordinatesOf(db, input.postcode)),
    ...phoneFields,
  };

  // A reference collision is astronomically rare but not impossible: retry.
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.helpRequest.create({ data: { ...data, reference: newReference() }, select: { id: true, reference: true, createdAt: true } });
        await writeAudit(tenant, {
          actorId: meta.source === "ONLINE" ? null : meta.staffId,
          action: "request.create",
          subjectType: "HelpRequest",
          subjectId: row.id,
          details: { source: meta.source, ...(meta.source === "REFERRAL" && { organisationId: meta.referral.organisationId }) },
        }, tx);
        if (meta.source === "REFERRAL") {
          await tx.referral.create({ data: { tenantId: tenant.id, requestId: row.id, referrerId: meta.staffId, ...meta.referral } });
        }
        const town = await townReach(tx, tenant);
        const reach = { ...data, residentPhone: data.residentPhone ?? null, residentEmail: data.residentEmail ?? null };
        await notify(tx, tenant, { to: residentContact(reach, town.country), template: "request-received", locale: meta.locale, data: { reference: row.reference, receivedAt: row.createdAt.toISOString(), concernUrl: concernLinkUrl(town.slug, tenant.id, row.id) } });
        await scheduleCallbackIfNeeded(tx, tenant, town, { ...reach, id: row.id }, "NEW_REQUEST", row.createdAt);
        return { id: row.id, reference: row.reference };
      });
      logger.info({ tenantId: tenant.id, requestId: created.id, source: meta.source, locale: meta.locale }, "help request created");
      return created;
    } catch (error) {
      const collision = isUniqueViolation(error);
      // The same submission arriving twice at once: the one that got in answers both.
      const same = collision ? await earlier() : null;
      if (same) return same;
      if (!collision || attempt >= 3) throw error;
      logger.warn({ tenantId: tenant.id, attempt, err: error }, "request reference collided, retrying");
    }
  }
}

const TRANSITIONS: Record<RequestStatus, RequestStatus[]> = {
  NEW: ["CANCELLED"],
  OPEN: ["NEW", "MATCHED", "CANCELLED"],
  MATCHED: ["OPEN", "DONE", "CANCELLED"],
  DONE: [],
  CANCELLED: ["NEW"],
};

export function allowedTransitions(from: RequestStatus): RequestStatus[] {
  return TRANSITIONS[from];
}

const RECURRENCE_DAYS = { NONE: 0, WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 30 } as const;

async function current(db: TenantDb, id: string) {
  const row = await db.helpRequest.findFirst({ where: { id } });
  if (!row) throw new NotFoundInTenant("request");
  return row;
}

/**
 * Moves a request to another status. The update only applies if nobody
 * changed the status in the meantime, so two coordinators cannot both win.
 */
export async function changeStatus(tenant: Tenant, actorId: string, id: string, to: RequestStatus, now = new Date()) {
  const db = forTenant(tenant.id);
  const row = await current(db, id);
  if (!TRANSITIONS[row.status].includes(to)) throw new InvalidTransition("transitionNotAllowed");
  const closing = to === "DONE" || to === "CANCELLED";
  const days = RECURRENCE_DAYS[row.recurrence];
  await db.$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({
      where: { id, status: row.status },
      data: {
        status: to,
        closedAt: closing ? now : null,
        ...(to === "NEW" ? { publishedAt: null } : {}),
        nextOccurrenceAt: to === "DONE" && days ? new Date(now.getTime() + days * DAY_MS) : null,
      },
    });
    if (count === 0) throw new InvalidTransition("changedMeanwhile");
    await writeAudit(tenant, { actorId, action: "request.status", subjectType: "HelpRequest", subjectId: id, details: { from: row.status, to } }, tx);
    if (to === "DONE") {
      await notify(tx, tenant, { to: givenAddress(row.residentEmail), template: "request-done", locale: row.locale, data: { reference: row.reference } });
      // A resident reachable only by phone hears how it went by a call.
      await scheduleCallbackIfNeeded(tx, tenant, await townReach(tx, tenant), row, "FOLLOW_UP", now);
    }
  });
}

/** Publishes (or re-words) the anonymised summary volunteers see. */
export async function publishRequest(tenant: Tenant, actorId: string, id: string, publicSummary: string, now = new Date()) {
  const db = forTenant(tenant.id);
  const row = await current(db, id);
  if (row.status !== "NEW" && row.status !== "OPEN") throw new InvalidTransition("transitionNotAllowed");
  await db.$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({
      where: { id, status: row.status },
      data: { status: "OPEN", publicSummary, publishedAt: row.publishedAt ?? now },
    });
    if (count === 0) throw new InvalidTransition("changedMeanwhile");
    await writeAudit(tenant, { actorId, action: "request.publish", subjectType: "HelpRequest", subjectId: id }, tx);
    if (row.status === "NEW") {
      await notify(tx, tenant, { to: givenAddress(row.residentEmail), template: "request-published", locale: row.locale, data: { reference: row.reference } });
      await queueFirstWave(tx, tenant, id, now);
    }
  });
}

export async function triageRequest(
  tenant: Tenant, actorId: string, id: string,
  { when, ...fields }: Pick<Prisma.HelpRequestUpdateInput, "urgency" | "ageGroup" | "recurrence"> & { when: When },
) {
  const db = forTenant(tenant.id);
  await current(db, id);
  await db.$transaction(async (tx) => {
    await tx.helpRequest.updateMany({ where: { id }, data: { ...fields, ...whenToColumns(when) } });
    await writeAudit(tenant, { actorId, action: "request.triage", subjectType: "HelpRequest", subjectId: id, details: { ...fields, when } as Prisma.InputJsonValue }, tx);
  });
}

export async function addNote(tenant: Tenant, actorId: string, requestId: string, body: string) {
  const db = forTenant(tenant.id);
  await current(db, requestId);
  return db.requestNote.create({ data: { tenantId: tenant.id, requestId, authorId: actorId, body } });
}

/**
 * Recurring requests (e.g. weekly groceries) come back as a new open request
 * when their next occurrence is due. Each due request reopens once, even if
 * two workers run this at the same time.
 */
export async function reopenDueRecurring(tenant: Tenant, now = new Date()): Promise<number> {
  const db = forTenant(tenant.id);
  const due = await db.helpRequest.findMany({
    where: { status: "DONE", recurrence: { not: "NONE" }, nextOccurrenceAt: { lte: now } },
  });
  let reopened = 0;
  for (const r of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.helpRequest.updateMany({
        where: { id: r.id, nextOccurrenceAt: r.nextOccurrenceAt },
        data: { nextOccurrenceAt: null },
      });
      if (count === 0) return; // another worker took it
      const {
        id: _id, reference: _ref, createdAt: _c, updatedAt: _u, closedAt: _cl, nextOccurrenceAt: _n, status: _s,
        ...copy
      } = r;
      // A help on a given day comes back on the day one period later.
      const whenDate = copy.whenDate && new Date(copy.whenDate.getTime() + RECURRENCE_DAYS[r.recurrence] * DAY_MS);
      const next = await tx.helpRequest.create({
        data: { ...copy, whenDate, reference: newReference(), status: "OPEN", publishedAt: now, recurringFromId: r.id },
        select: { id: true },
      });
      await queueFirstWave(tx, tenant, next.id, now);
      reopened++;
    });
  }
  return reopened;
}
