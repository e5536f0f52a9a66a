import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { townOrigin } from "@/lib/tenancy/urls";
import { HOUR_MS } from "@/lib/dates/durations";

/**
 * A single-use sign-in link for someone we invite (a new town's first
 * administrator, a colleague), redeemed by Auth.js's e-mail callback exactly
 * like a link they asked for: the token is stored hashed with AUTH_SECRET,
 * and bound to the town's site (its slug), where the link points.
 */
export async function createSignInLink(opts: { email: string; slug: string; callbackPath: string; validHours: number }): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const email = opts.email.toLowerCase();
  await prisma.verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${env().AUTH_SECRET}`).digest("hex"),
      expires: new Date(Date.now() + opts.validHours * HOUR_MS),
      site: opts.slug,
    },
  });
  const siteUrl = townOrigin(opts.slug);
  const params = new URLSearchParams({ callbackUrl: `${siteUrl}${opts.callbackPath}`, token, email });
  return `${siteUrl}/api/auth/callback/email?${params}`;
}
