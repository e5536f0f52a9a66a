import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { MINUTE_MS } from "@/lib/dates/durations";
import { env } from "@/lib/env";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

export const CODE_TTL_MS = 10 * MINUTE_MS;
/** A new code no sooner than this after the last one: nobody can flood a phone. */
export const RESEND_AFTER_MS = MINUTE_MS;
export const MAX_CODE_ATTEMPTS = 5;

/**
 * A code is kept only as an HMAC under the app's secret, bound to the town,
 * the profile and the number it was sent to: a leaked row reveals nothing,
 * and a code sent to an old number does not confirm a new one.
 */
function codeHash(tenantId: string, profileId: string, phone: string, code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`phone-code\n${tenantId}\n${profileId}\n${phone}\n${code}`).digest("base64url");
}

/** The volunteer agrees (or no longer agrees) to alerts by text message. */
export async function setSmsAlerts(tenant: Pick<Tenant, "id">, userId: string, on: boolean): Promise<void> {
  const { count } = await forTenant(tenant.id).volunteerProfile.updateMany({ where: { userId }, data: { smsAlerts: on } });
  if (count === 0) throw new NotFoundInTenant("volunteer");
}

/**
 * Texts a 6-digit code to the volunteer's number (in the same transaction as
 * the code's hash, through notify()). Needs their consent; refused within a
 * minute of the last code, and for a number that answered STOP.
 */
export async function sendPhoneCode(tenant: Pick<Tenant, "id">, userId: string, locale: string, now = new Date()): Promise<void> {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const profile = await tx.volunteerProfile.findFirst({ where: { userId }, select: { id: true, phone: true, smsAlerts: true } });
    if (!profile) throw new NotFoundInTenant("volunteer");
    if (!profile.smsAlerts) throw new InvalidTransition("smsConsentRequired");
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    // One statement decides "too soon", so two requests at once send one code.
    const { count } = await tx.volunteerProfile.updateMany({
      where: { id: profile.id, OR: [{ phoneCodeExpiresAt: null }, { phoneCodeExpiresAt: { lte: new Date(now.getTime() + CODE_TTL_MS - RESEND_AFTER_MS) } }] },
      data: { phoneCodeHash: codeHash(tenant.id, profile.id, profile.phone, code), phoneCodeExpiresAt: new Date(now.getTime() + CODE_TTL_MS), phoneCodeAttempts: 0 },
    });
    if (count === 0) throw new InvalidTransition("codeTooSoon");
    const [sms] = await notify(tx, tenant, { to: { phone: { value: profile.phone, consent: true, verified: false } }, template: "phone-verification", locale, data: { code } }, now);
    if (sms?.outcome === "OPTED_OUT") throw new InvalidTransition("smsOptedOut");
  });
}

/**
 * Checks the code the volunteer typed. Each try is counted before it is
 * compared, so guesses in parallel cannot exceed the limit; after
 * MAX_CODE_ATTEMPTS wrong ones, or once expired, only a new code helps.
 * Right: the number is confirmed (alerts may use it).
 */
export async function confirmPhoneCode(tenant: Pick<Tenant, "id">, userId: string, code: string, now = new Date()): Promise<void> {
  const db = forTenant(tenant.id);
  const profile = await db.volunteerProfile.findFirst({ where: { userId }, select: { id: true, phone: true, phoneCodeHash: true, phoneCodeExpiresAt: true } });
  if (!profile) throw new NotFoundInTenant("volunteer");
  const { phoneCodeHash: stored, phoneCodeExpiresAt: expires } = profile;
  if (!stored || !expires || expires.getTime() <= now.getTime()) throw new InvalidInput({ code: "codeExpired" });
  const { count } = await db.volunteerProfile.updateMany({
    where: { id: profile.id, phoneCodeHash: stored, phoneCodeAttempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { phoneCodeAttempts: { increment: 1 } },
  });
  if (count === 0) throw new InvalidInput({ code: "codeAttempts" });
  const given = Buffer.from(codeHash(tenant.id, profile.id, profile.phone, code));
  if (given.length !== stored.length || !timingSafeEqual(given, Buffer.from(stored))) throw new InvalidInput({ code: "codeWrong" });
  await db.volunteerProfile.updateMany({
    where: { id: profile.id, phoneCodeHash: stored },
    data: { phoneVerified: profile.phone, phoneCodeHash: null, phoneCodeExpiresAt: null, phoneCodeAttempts: 0 },
  });
}
