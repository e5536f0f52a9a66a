import { missingChecks, type CheckKind } from "@/lib/checks/kinds";
import { validCheckKinds } from "@/lib/checks/status";
import { NotFoundInTenant } from "@/lib/errors";
import { isLocale, localized, type Locale } from "@/lib/i18n/locales";
import { makeOffer } from "@/lib/matching/respond";
import { tokenId, tokenSigned } from "@/lib/alerts/token";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";
import { whenFromColumns, WHEN_SELECT, type When } from "@/lib/when/when";

type Db = Pick<TenantDb, "alert">;

/**
 * The alert a one-click link names, if the link is good: signed for this
 * town, this request and this volunteer, sent, not used and not expired.
 * Anything else (forged, replayed, expired, another town's) is "not found":
 * a link tells nobody whether it ever existed.
 */
async function validAlert(db: Db, tenant: { id: string }, token: string, now: Date) {
  const id = tokenId(token);
  if (!id) throw new NotFoundInTenant("alert");
  const alert = await db.alert.findFirst({ where: { id }, select: { id: true, requestId: true, volunteerId: true, alerted: true, usedAt: true, expiresAt: true } });
  if (!alert || !alert.alerted || alert.usedAt || alert.expiresAt <= now) throw new NotFoundInTenant("alert");
  if (!tokenSigned(token, { tenantId: tenant.id, requestId: alert.requestId, volunteerId: alert.volunteerId })) throw new NotFoundInTenant("alert");
  return alert;
}

/** `missingChecks`: checks the volunteer no longer holds (one expired since the alert): then the summary is not shown. */
export type AlertView = { summary: string; category: string; place: string; when: When; weekly: boolean; open: boolean; missingChecks: CheckKind[] };

/** What the link's page shows (reading only: a link scanner's GET changes nothing). */
export async function alertLinkView(tenant: Tenant<"defaultLocale">, token: string, locale: Locale, now = new Date()): Promise<AlertView> {
  const db = forTenant(tenant.id);
  const alert = await validAlert(db, tenant, token, now);
  const request = await db.helpRequest.findFirst({
    where: { id: alert.requestId },
    select: { status: true, publishedAt: true, publicSummary: true, neighbourhood: true, postcode: true, recurrence: true, ...WHEN_SELECT, category: { select: { labels: true, requiredChecks: true } } },
  });
  if (!request) throw new NotFoundInTenant("alert");
  const missing = missingChecks(request.category.requiredChecks, await validCheckKinds(tenant, alert.volunteerId, now));
  return {
    missingChecks: missing, summary: missing.length ? "" : request.publicSummary, category: localized(request.category.labels, locale, isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "nl"),
    place: request.neighbourhood || request.postcode, when: whenFromColumns(request), weekly: request.recurrence === "WEEKLY",
    open: request.status === "OPEN" && !!request.publishedAt,
  };
}

/**
 * "I can help" from the link, without signing in: the offer is made as the
 * volunteer the link was signed for, by the same rules as a signed-in offer
 * (active volunteer, open request, room under the cap), and the link is used
 * up in the same transaction. The alert's row is locked first, so a double
 * click or two devices make one offer.
 */
export async function offerByLink(tenant: Tenant<"responseCap">, token: string, now = new Date()) {
  return forTenant(tenant.id).$transaction(async (tx) => {
    const id = tokenId(token);
    if (!id) throw new NotFoundInTenant("alert");
    await tx.$queryRaw`SELECT 1 FROM "Alert" WHERE "tenantId" = ${tenant.id} AND id = ${id} FOR UPDATE`;
    const alert = await validAlert(tx, tenant, token, now);
    const response = await makeOffer(tx, tenant, { id: alert.volunteerId }, alert.requestId);
    await tx.alert.update({ where: { tenantId_id: { tenantId: tenant.id, id: alert.id } }, data: { usedAt: now } });
    return response;
  });
}
