import { headers } from "next/headers";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/forwarded";

// Counters live in PostgreSQL (table RateLimiterFlexible), so limits hold
// across app instances and restarts.

type Limit = { points: number; duration: number }; // `points` per `duration` seconds

export const LIMITS = {
  helpRequestPerIp: { points: 10, duration: 60 * 60 },
  helpRequestPerTown: { points: 300, duration: 60 * 60 },
  volunteerFormPerIp: { points: 30, duration: 60 * 60 },
  // Codes that confirm a volunteer's mobile number: each one is a paid text.
  phoneCodePerIp: { points: 10, duration: 60 * 60 },
  signupPerIp: { points: 10, duration: 24 * 60 * 60 },
  // Sign-in links: nobody can flood someone's mailbox, nor one address try many.
  magicLinkPerEmail: { points: 5, duration: 15 * 60 },
  magicLinkPerIp: { points: 30, duration: 15 * 60 },
  // One-click alert links (no sign-in): a phone retrying is fine, a guesser is not.
  alertLinkPerIp: { points: 30, duration: 15 * 60 },
} satisfies Record<string, Limit>;

/**
 * The library's Prisma store spends two statements per point (DELETE the
 * expired window, then upsert); this store's one upsert starts a new window
 * over an expired row itself. Same contract (rate-limiter-flexible's store
 * method): add `points` to `key`'s window, or start it with `msDuration`
 * (`force`: start it regardless); concurrent calls all count.
 */
class OneStatementPrismaLimiter extends RateLimiterPrisma {
  async _upsert(key: string, points: number, msDuration: number, force = false) {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const [row] = await prisma.$queryRaw<{ points: number; expire: Date | null }[]>`
      INSERT INTO "RateLimiterFlexible" AS r ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN ${force} OR r."expire" <= ${now} THEN EXCLUDED."points" ELSE r."points" + EXCLUDED."points" END,
        "expire" = CASE WHEN ${force} OR r."expire" <= ${now} THEN EXCLUDED."expire" ELSE r."expire" END
      RETURNING "points", "expire"`;
    return row;
  }
}

const limiters = new Map<string, RateLimiterPrisma>();

function limiter(name: keyof typeof LIMITS): RateLimiterPrisma {
  let l = limiters.get(name);
  if (!l) {
    l = new OneStatementPrismaLimiter({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...LIMITS[name],
    });
    limiters.set(name, l);
  }
  return l;
}

/** Consumes one point from every given limit; false once any is exhausted. */
export async function withinLimits(checks: [keyof typeof LIMITS, string][]): Promise<boolean> {
  try {
    for (const [name, key] of checks) await limiter(name).consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/**
 * The client's address as a trusted proxy saw it, or the socket peer (see
 * lib/http/forwarded.ts): per-address limits key on this, never on a header
 * the client chose.
 */
export async function clientIp(): Promise<string> {
  return clientAddress(await headers(), env().TRUSTED_PROXIES);
}
