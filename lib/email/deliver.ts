import { prisma } from "@/lib/db/client";
import { env, isProduction } from "@/lib/env";

export type OutgoingEmail = { to: string; subject: string; html: string; text: string; idempotencyKey?: string };
export type Delivery = { via: "resend" | "devmailbox"; id: string };

/**
 * Outside production (the demo, development, tests) and without RESEND_API_KEY,
 * mail stays in the development mailbox (/dev/mailbox). Production has none:
 * its configuration requires a transport (lib/env.ts).
 */
export function devMailboxEnabled(): boolean {
  return !isProduction() && !env().RESEND_API_KEY;
}

export class EmailDeliveryError extends Error {
  constructor(message: string, readonly status: number, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

/** Sends one message through Resend's HTTP API, or keeps it in the development mailbox. */
export async function deliver(mail: OutgoingEmail): Promise<Delivery> {
  const { RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM } = env();
  if (!RESEND_API_KEY) {
    const row = await prisma.devMailboxMessage.create({
      data: { to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
    });
    console.info(`[devmailbox] to=${mail.to} subject="${mail.subject}"\n${mail.text}\n`);
    return { via: "devmailbox", id: row.id };
  }
  const res = await fetch(new URL("/emails", RESEND_BASE_URL), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${RESEND_API_KEY}`,
      "Content-Type": "application/json",
      ...(mail.idempotencyKey ? { "Idempotency-Key": mail.idempotencyKey } : {}),
    },
    body: JSON.stringify({ from: EMAIL_FROM, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new EmailDeliveryError(
      `Resend answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
      res.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  const body = (await res.json()) as { id: string };
  return { via: "resend", id: body.id };
}

export async function listDevMailbox(opts: { to?: string; take?: number } = {}) {
  return prisma.devMailboxMessage.findMany({
    where: opts.to ? { to: opts.to.toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 50,
  });
}
