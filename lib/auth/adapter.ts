import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { PrismaClient, User } from "@/generated/prisma/client";
import { absoluteEnd } from "@/lib/auth/session-limits";
import { issuedOn } from "@/lib/auth/site-session";

// Auth.js's Prisma adapter is typed against the pre-7 @prisma/client, so the
// few methods e-mail sign-in with database sessions needs are written here.

declare module "next-auth/adapters" {
  interface AdapterUser {
    isPlatformAdmin?: boolean;
  }
}

type UserFields = Pick<User, "id" | "email" | "emailVerified" | "name" | "image" | "isPlatformAdmin">;
type SessionWithUser = UserFields & Pick<User, "blockedAt"> & { expires: Date; sessionCreatedAt: Date };

// Carries the platform-admin flag, so the session callback needs no query of its own.
const toAdapterUser = (u: UserFields): AdapterUser => ({
  id: u.id, email: u.email, emailVerified: u.emailVerified, name: u.name, image: u.image, isPlatformAdmin: u.isPlatformAdmin,
});

/** `site`: the site of the request (see site-session.ts); a session issued on another site is no session here. */
export function helptAdapter(db: PrismaClient, site?: string): Adapter {
  const foreign = (sessionToken: string) => site !== undefined && !issuedOn(sessionToken, site);
  return {
    async createUser(user) {
      const created = await db.user.create({
        data: { email: user.email.toLowerCase(), emailVerified: user.emailVerified, name: user.name, image: user.image },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const a = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return a ? toAdapterUser(a.user) : null;
    },
    async updateUser({ id, ...data }) {
      const u = await db.user.update({
        where: { id },
        data: { emailVerified: data.emailVerified, name: data.name ?? undefined, image: data.image ?? undefined },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account) {
      await db.account.create({
        data: {
          userId: account.userId, type: account.type, provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      });
    },
    async createSession(session) {
      return db.session.create({ data: session });
    },
    // A blocked account's sessions stop working at once; an idle or too old one is removed.
    // One statement (Prisma's `include` sends two): every signed-in request asks.
    async getSessionAndUser(sessionToken) {
      if (foreign(sessionToken)) return null;
      const [s] = await db.$queryRaw<SessionWithUser[]>`
        SELECT s."expires", s."createdAt" AS "sessionCreatedAt",
               u."id", u."email", u."emailVerified", u."name", u."image", u."isPlatformAdmin", u."blockedAt"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId"
        WHERE s."sessionToken" = ${sessionToken}`;
      if (!s) return null;
      const now = new Date();
      if (s.expires <= now || absoluteEnd(s.sessionCreatedAt) <= now) {
        await db.session.deleteMany({ where: { sessionToken } });
        return null;
      }
      if (s.blockedAt) return null;
      return { session: { sessionToken, userId: s.id, expires: s.expires }, user: toAdapterUser(s) };
    },
    // Activity pushes the idle deadline back, never past the absolute one.
    async updateSession({ sessionToken, expires }) {
      if (foreign(sessionToken)) return null;
      const s = await db.session.findUnique({ where: { sessionToken }, select: { createdAt: true } });
      if (!s) return null;
      const end = absoluteEnd(s.createdAt);
      const capped = expires && expires > end ? end : expires;
      return db.session.update({ where: { sessionToken }, data: { expires: capped } }).catch(() => null);
    },
    async deleteSession(sessionToken) {
      if (foreign(sessionToken)) return;
      await db.session.deleteMany({ where: { sessionToken } });
    },
    // A sign-in link works only on the site it was asked on (bound as sessions are).
    async createVerificationToken(token) {
      const { identifier, token: hashed, expires } = await db.verificationToken.create({ data: { ...token, site: site ?? "" } });
      return { identifier, token: hashed, expires };
    },
    // Single use: the token is deleted as it is redeemed; of two concurrent
    // redemptions, the second finds nothing to delete. On another site it is
    // not found, and stays valid for its own.
    async useVerificationToken({ identifier, token }) {
      return db.verificationToken
        .delete({ where: { identifier_token: { identifier, token }, site: site ?? "" }, select: { identifier: true, token: true, expires: true } })
        .catch(() => null);
    },
  };
}
