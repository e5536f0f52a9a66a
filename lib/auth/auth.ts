import { authLogger } from "@/lib/log/auth-logger";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { helptAdapter } from "@/lib/auth/adapter";
import { MAGIC_LINK_MINUTES, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "@/lib/auth/session-limits";
import { sendMagicLink } from "@/lib/auth/magic-link";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { TENANT_HEADER } from "@/lib/tenancy/headers";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; isPlatformAdmin: boolean };
  }
}

// Lazy config: env() is read per request, never at build time. Session
// cookies carry no Domain attribute, so a session on one town's host is not a
// session on another's; and the session itself is bound to the site it was
// issued on (the town key proxy.ts sets, or the apex), so a copied cookie
// does not work elsewhere either.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const site = (await headers()).get(TENANT_HEADER) ?? "";
  return {
    adapter: helptAdapter(prisma, site),
    secret: env().AUTH_SECRET,
    trustHost: true,
    logger: authLogger,
    session: {
      strategy: "database", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS, generateSessionToken: () => sessionTokenFor(site),
    },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      {
        id: "email",
        type: "email",
        name: "E-mail",
        from: env().EMAIL_FROM,
        maxAge: MAGIC_LINK_MINUTES * 60,
        options: {},
        sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink({ identifier, url, expires }),
      },
    ],
    callbacks: {
      // Auth.js's default parses the callback URL unguarded: a malformed one was a 500.
      // Only this site's own addresses are followed; anything else goes home.
      redirect({ url, baseUrl }) {
        try {
          const target = new URL(url, baseUrl);
          return target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
        } catch {
          return baseUrl;
        }
      },
      async signIn({ user }) {
        if (!user.email) return false;
        const existing = await prisma.user.findUnique({ where: { email: user.email.toLowerCase() } });
        return !existing?.blockedAt;
      },
      // `user` comes from the adapter's getSessionAndUser, read together with the session.
      session({ session, user }) {
        return { ...session, user: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: !!user.isPlatformAdmin } };
      },
    },
  };
});
