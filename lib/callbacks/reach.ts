import type { CallbackReason, ContactMethod, RequestSource } from "@/generated/prisma/enums";
import { asCountry } from "@/lib/locale/country";
import type { Contact } from "@/lib/notifications/contacts";
import { isMobileNumber } from "@/lib/phone/line-type";
import { HOUR_MS } from "@/lib/dates/durations";
import type { TenantDb } from "@/lib/tenancy/for-tenant";

/** What a request says about how its resident can be reached. */
export type ResidentReach = {
  residentEmail: string | null;
  residentPhone: string | null;
  residentSmsConsent: boolean;
  source: RequestSource;
  contactMethod: ContactMethod;
};

/**
 * Where the resident hears about their request: the e-mail address they gave,
 * and their number for texts only when it is a mobile (a landline cannot
 * receive one). Consent decides in the policy (lib/notifications/policy.ts);
 * staff typed the number during the call or the resident typed it, so it is
 * not code-verified, which answers about their own request do not need.
 */
export function residentContact(r: ResidentReach, country: string): Contact {
  const mobile = r.residentPhone && isMobileNumber(r.residentPhone, asCountry(country)) ? r.residentPhone : null;
  return {
    email: r.residentEmail ? { value: r.residentEmail, consent: false, verified: false } : null,
    phone: mobile ? { value: mobile, consent: r.residentSmsConsent, verified: false } : null,
  };
}

/**
 * Whether staff must call the resident to keep them informed: they asked by
 * phone or chose a phone call, and nothing automatic reaches them (no e-mail
 * address, and no mobile number with consent to texts).
 */
export function needsCallback(r: ResidentReach, country: string): boolean {
  if (!r.residentPhone || (r.source !== "PHONE" && r.contactMethod !== "PHONE")) return false;
  const contact = residentContact(r, country);
  return !contact.email && !contact.phone?.consent;
}

/** The town's deadline for a callback: a few hours in a crisis, a day otherwise (both the town's settings). */
export function callbackDueAt(town: { mode: string; callbackHoursCrisis: number; callbackHoursActive: number }, now: Date): Date {
  const hours = town.mode === "CRISIS" ? town.callbackHoursCrisis : town.callbackHoursActive;
  return new Date(now.getTime() + hours * HOUR_MS);
}

type Tx = Pick<TenantDb, "tenant" | "callback">;

/** The town's settings that decide how a resident is reached and by when they are called back. */
export const townReach = (tx: Pick<Tx, "tenant">, tenant: { id: string }) =>
  tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { slug: true, country: true, mode: true, callbackHoursCrisis: true, callbackHoursActive: true } });

export type TownReach = Awaited<ReturnType<typeof townReach>>;

/**
 * Informs a resident the only way left when nothing automatic reaches them:
 * a call owed by staff, on the day's callback list. Call in the transaction
 * of the change that causes it. Returns whether a callback was added.
 */
export async function scheduleCallbackIfNeeded(
  tx: Pick<Tx, "callback">, tenant: { id: string }, town: TownReach,
  request: ResidentReach & { id: string }, reason: CallbackReason, now = new Date(),
): Promise<boolean> {
  if (!needsCallback(request, town.country)) return false;
  await tx.callback.create({ data: { tenantId: tenant.id, requestId: request.id, reason, dueAt: callbackDueAt(town, now) } });
  return true;
}
