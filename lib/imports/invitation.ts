import { createHmac, timingSafeEqual } from "node:crypto";
import { DAY_MS } from "@/lib/dates/durations";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

// The link an imported volunteer confirms with: the profile's id and an
// expiry, signed (HMAC under a key of its own) for the town. It works while
// the profile is INVITED, so it is single-use: accepting makes it ACTIVE.

export const INVITATION_TTL_MS = 30 * DAY_MS;
const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/;

function mac(tenantId: string, profileId: string, expires: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to sign invitation links");
  // A key of its own, derived: a link's MAC never doubles as anything Auth.js signs.
  const key = createHmac("sha256", secret).update("helpt:volunteer-invitation").digest();
  return createHmac("sha256", key).update(`${tenantId}\n${profileId}\n${expires}`).digest().subarray(0, 16).toString("base64url");
}

/** A link token for one imported volunteer of one town, valid for INVITATION_TTL_MS from `now`. */
export function invitationToken(tenantId: string, profileId: string, now = new Date()): string {
  const expires = Math.floor((now.getTime() + INVITATION_TTL_MS) / 1000).toString(36);
  return `${Buffer.from(profileId).toString("base64url")}.${expires}.${mac(tenantId, profileId, expires)}`;
}

/** The profile a token names if it was signed for this town and has not expired; null otherwise (constant-time compare). */
export function invitationProfile(tenantId: string, token: string, now = new Date()): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, id64, expires, given] = match;
  const profileId = Buffer.from(id64, "base64url").toString();
  // Compared as text: a second spelling of the same bytes is not the token.
  if (Buffer.from(profileId).toString("base64url") !== id64) return null;
  const expected = mac(tenantId, profileId, expires);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  if (parseInt(expires, 36) * 1000 < now.getTime()) return null;
  return profileId;
}

/** Whom a valid, unused invitation is for (their name, for the page's greeting); null when it is not one. */
export async function openInvitation(tenant: { id: string }, token: string, now = new Date()): Promise<{ name: string } | null> {
  const profileId = invitationProfile(tenant.id, token, now);
  if (!profileId) return null;
  return forTenant(tenant.id).volunteerProfile.findFirst({ where: { id: profileId, status: "INVITED" }, select: { name: true } });
}

/**
 * The volunteer accepts the code of conduct and the town's terms: their
 * profile becomes ACTIVE (matched and alerted from now on), and their
 * address counts as confirmed (the link reached them there).
 */
export async function acceptInvitation(tenant: { id: string }, token: string, now = new Date()): Promise<void> {
  const profileId = invitationProfile(tenant.id, token, now);
  if (!profileId) throw new NotFoundInTenant("invitation");
  await activateInvited(tenant, { id: profileId }, now);
}

/**
 * The same yes from an imported volunteer who signed in before following
 * the link: their session is the proof (signing in took a link sent to
 * that address), so no token is needed.
 */
export async function acceptOwnInvitation(tenant: { id: string }, userId: string, now = new Date()): Promise<void> {
  await activateInvited(tenant, { userId }, now);
}

async function activateInvited(tenant: { id: string }, who: { id: string } | { userId: string }, now: Date): Promise<void> {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const accepted = await tx.volunteerProfile.updateManyAndReturn({
      where: { ...who, status: "INVITED" }, data: { status: "ACTIVE", codeOfConductAt: now }, select: { userId: true },
    });
    if (accepted.length === 0) throw new InvalidTransition("invitationUsed");
    await tx.user.updateMany({ where: { id: accepted[0].userId, emailVerified: null }, data: { emailVerified: now } });
  });
}
