import { MAGIC_LINK_MINUTES } from "@/lib/auth/session-limits";
import { billingEnabled } from "@/lib/billing/stripe";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";

export type EmailProvider = "resend" | "smtp" | "none";

/** Which service sends this installation's e-mail (the same order as lib/email/deliver). */
export function emailProvider(): EmailProvider {
  const { RESEND_API_KEY, SMTP_URL } = env();
  return RESEND_API_KEY ? "resend" : SMTP_URL ? "smtp" : "none";
}

/**
 * What a town's legal pages say about it, read fresh on every visit so the
 * pages follow its settings: contacts, data protection officer, retention,
 * country (for the enforcement body and authority) and the processors in use.
 */
export async function townLegalFacts(tenant: { id: string }) {
  const town = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenant.id },
    select: { name: true, phone: true, email: true, dpoEmail: true, retentionDays: true, country: true, updatedAt: true },
  });
  return { ...town, emailProvider: emailProvider(), billing: billingEnabled(), signInLinkMinutes: MAGIC_LINK_MINUTES };
}

export type TownLegalFacts = Awaited<ReturnType<typeof townLegalFacts>>;
