import { assertChecked } from "@/lib/checks/gate";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Tenant } from "@/lib/tenancy/tenant";

type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

/** Locks the request row for the rest of the transaction: offers and assignments on it queue up. */
export async function lockRequest(tx: Tx, tenantId: string, requestId: string) {
  const rows = await tx.$queryRaw<{ status: string; maxResponses: number | null; publishedAt: Date | null }[]>`
    SELECT status, "maxResponses", "publishedAt" FROM "HelpRequest" WHERE "tenantId" = ${tenantId} AND id = ${requestId} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundInTenant("request");
  return rows[0];
}

/** Offers that still count against a request's cap. */
export const ACTIVE_RESPONSES = ["PENDING", "ASSIGNED"] as const;

/**
 * "I can help": only an active volunteer of this town, only on an open
 * published request, only while it has room. Concurrent offers for the last
 * place serialise on the request row: exactly one gets it.
 */
export async function respondToRequest(tenant: Tenant<"responseCap">, userId: string, requestId: string, message?: string) {
  return forTenant(tenant.id).$transaction((tx) => makeOffer(tx, tenant, { userId }, requestId, message));
}

/** The offer itself, in the caller's transaction (a signed-in volunteer, or an alert's one-click link). */
export async function makeOffer(tx: Tx, tenant: Tenant<"responseCap">, who: { userId: string } | { id: string }, requestId: string, message?: string) {
  const volunteer = await tx.volunteerProfile.findFirst({ where: who, select: { id: true, status: true } });
  if (!volunteer) throw new NotFoundInTenant("volunteer");
  if (volunteer.status !== "ACTIVE") throw new InvalidTransition("volunteerNotActive");
  const request = await lockRequest(tx, tenant.id, requestId);
  if (request.status !== "OPEN" || !request.publishedAt) throw new InvalidTransition("requestClosed");
  const { category } = await tx.helpRequest.findFirstOrThrow({ where: { id: requestId }, select: { category: { select: { requiredChecks: true } } } });
  await assertChecked(tx, [volunteer.id], category.requiredChecks);
  const taken = await tx.response.count({ where: { requestId, status: { in: [...ACTIVE_RESPONSES] } } });
  if (taken >= (request.maxResponses ?? tenant.responseCap)) throw new InvalidTransition("requestFull");
  try {
    return await tx.response.create({ data: { tenantId: tenant.id, requestId, volunteerId: volunteer.id, message } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidTransition("alreadyResponded");
    throw error;
  }
}

export async function withdrawResponse(tenant: { id: string }, userId: string, requestId: string) {
  const db = forTenant(tenant.id);
  const volunteer = await db.volunteerProfile.findFirst({ where: { userId }, select: { id: true } });
  if (!volunteer) throw new NotFoundInTenant("volunteer");
  const { count } = await db.response.updateMany({ where: { requestId, volunteerId: volunteer.id, status: "PENDING" }, data: { status: "WITHDRAWN" } });
  if (count === 0) throw new InvalidTransition("transitionNotAllowed");
}
