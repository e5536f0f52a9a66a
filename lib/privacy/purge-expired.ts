import { systemDb } from "@/lib/tenancy/system";
import { DAY_MS } from "@/lib/dates/durations";

/** As long as the sign-up cookie lives: after that nobody can resume the draft. */
export const SIGNUP_DRAFT_DAYS = 30;

/**
 * Global rows that hold an IP or e-mail address and are of no use once
 * expired: rate-limit counters (keys name the IP or address), sessions,
 * unused sign-in tokens and abandoned sign-ups. Deleted daily with the
 * retention clean-up; cross-town by nature, hence systemDb.
 */
export async function purgeExpired(now = new Date()) {
  // Independent clean-ups: no transaction needed, each stands on its own.
  const counters = await systemDb.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } });
  const sessions = await systemDb.session.deleteMany({ where: { expires: { lt: now } } });
  const tokens = await systemDb.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const drafts = await systemDb.signupDraft.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - SIGNUP_DRAFT_DAYS * DAY_MS) } } });
  return { counters: counters.count, sessions: sessions.count, tokens: tokens.count, drafts: drafts.count };
}
