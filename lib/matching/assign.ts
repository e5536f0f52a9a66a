import { writeAudit } from "@/lib/audit/log";
import { assertChecked } from "@/lib/checks/gate";
import { isLocale, localized, type Locale } from "@/lib/i18n/locales";
import { lockRequest } from "@/lib/matching/respond";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { volunteerContact } from "@/lib/notifications/contacts";
import { residentContact, scheduleCallbackIfNeeded, townReach } from "@/lib/callbacks/reach";
import { notify } from "@/lib/notifications/notify";
import { changeStatus } from "@/lib/requests/mutations";
import { whenFromColumns } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";
import type { Tenant } from "@/lib/tenancy/tenant";

/** The first of the volunteer's languages that Helpt writes in, else the town's. */
export const volunteerLocale = (languages: string[], fallback: Locale): Locale => languages.find(isLocale) ?? fallback;

/**
 * A coordinator chooses one or more volunteers. The request row is locked, so
 * of two coordinators assigning at once exactly one succeeds; the other is
 * told the request was matched meanwhile. Chosen volunteers get the
 * resident's details; everyone else who offered is thanked and released.
 */
export async function assignVolunteers(tenant: Tenant<"slug" | "defaultLocale">, coordinatorId: string, requestId: string, volunteerIds: string[]) {
  if (volunteerIds.length === 0) throw new InvalidInput({ volunteerIds: "chooseOne" });
  const db = forTenant(tenant.id);
  await db.$transaction(async (tx) => {
    const locked = await lockRequest(tx, tenant.id, requestId);
    if (locked.status !== "OPEN") throw new InvalidTransition(locked.status === "MATCHED" ? "alreadyMatched" : "requestClosed");
    const request = await tx.helpRequest.findFirstOrThrow({ where: { id: requestId }, include: { category: { select: { labels: true, requiredChecks: true } } } });
    const chosen = await tx.volunteerProfile.findMany({
      where: { id: { in: volunteerIds }, status: "ACTIVE" },
      include: { user: { select: { email: true } } },
    });
    if (chosen.length !== new Set(volunteerIds).size) throw new InvalidInput({ volunteerIds: "invalidChoice" });
    // Checked on the server whatever the candidates list showed: a check may have expired since.
    await assertChecked(tx, chosen.map((v) => v.id), request.category.requiredChecks);

    const now = new Date();
    for (const v of chosen) {
      const locale = volunteerLocale(v.languages, tenant.defaultLocale);
      await tx.assignment.create({ data: { tenantId: tenant.id, requestId, volunteerId: v.id, assignedById: coordinatorId } });
      await tx.response.upsert({
        where: { tenantId_requestId_volunteerId: { tenantId: tenant.id, requestId, volunteerId: v.id } },
        update: { status: "ASSIGNED" },
        create: { tenantId: tenant.id, requestId, volunteerId: v.id, status: "ASSIGNED" },
      });
      await tx.volunteerProfile.updateMany({ where: { id: v.id }, data: { lastAssignedAt: now } });
      await notify(tx, tenant, {
        to: volunteerContact(v.user), template: "volunteer-assigned", locale,
        data: {
          reference: request.reference, residentName: request.residentName, residentPhone: request.residentPhone ?? undefined,
          residentAddress: [request.residentAddress, request.postcode].filter(Boolean).join(", ") || undefined,
          when: whenFromColumns(request), weekly: request.recurrence === "WEEKLY", timeWindow: request.timeWindow, need: localized(request.category.labels, locale), contactless: request.contactless,
        },
      });
    }

    const released = await tx.response.findMany({
      where: { requestId, status: "PENDING" },
      include: { volunteer: { select: { languages: true, user: { select: { email: true } } } } },
    });
    await tx.response.updateMany({ where: { requestId, status: "PENDING" }, data: { status: "RELEASED" } });
    for (const r of released) {
      await notify(tx, tenant, {
        to: volunteerContact(r.volunteer.user), template: "volunteer-released", kind: "NOTIFICATION",
        locale: volunteerLocale(r.volunteer.languages, tenant.defaultLocale),
        data: { url: publicTownUrl(tenant.slug, "/volunteer") },
      });
    }

    await tx.helpRequest.updateMany({ where: { id: requestId }, data: { status: "MATCHED" } });
    const town = await townReach(tx, tenant);
    await notify(tx, tenant, {
      to: residentContact(request, town.country), template: "request-matched", locale: request.locale,
      data: { reference: request.reference, volunteerName: chosen.map((v) => v.name.split(" ")[0]).join(", "), callToday: town.mode === "CRISIS" },
    });
    await scheduleCallbackIfNeeded(tx, tenant, town, request, "VOLUNTEER_ASSIGNED", now);
    await writeAudit(tenant, { actorId: coordinatorId, action: "request.assign", subjectType: "HelpRequest", subjectId: requestId, details: { volunteerIds } }, tx);
  });
}

/**
 * The volunteer (or a coordinator) reports the job done, with optional
 * feedback or a problem. When every assignment is done the request is done.
 */
export async function completeAssignment(
  tenant: { id: string },
  actorId: string,
  requestId: string,
  who: { volunteerUserId: string } | { coordinator: true },
  report: { feedback?: string; problem: boolean },
) {
  const db = forTenant(tenant.id);
  const where = "volunteerUserId" in who ? { requestId, volunteer: { userId: who.volunteerUserId } } : { requestId };
  const assignments = await db.assignment.findMany({ where, select: { id: true } });
  if (assignments.length === 0) throw new NotFoundInTenant("assignment");
  await db.assignment.updateMany({
    where: { id: { in: assignments.map((a) => a.id) }, doneAt: null },
    data: { doneAt: new Date(), feedback: report.feedback, problem: report.problem },
  });
  const open = await db.assignment.count({ where: { requestId, doneAt: null } });
  const request = await db.helpRequest.findFirst({ where: { id: requestId }, select: { status: true } });
  if (open === 0 && request?.status === "MATCHED") await changeStatus(tenant, actorId, requestId, "DONE");
}
