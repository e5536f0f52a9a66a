import { createTransport, type Transporter } from "nodemailer";
import { Resend } from "resend";
import { prisma } from "@/lib/db/client";
import { env, isProduction } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey?: string;
  /** Shown as the sender's name (the town's), with the platform's address from EMAIL_FROM. */
  senderName?: string;
  /** Where replies go (the town's own e-mail address). */
  replyTo?: string;
};
export type Delivery = { via: "resend" | "smtp" | "devmailbox"; id: string };

/**
 * Outside production (the demo, development, tests) and without RESEND_API_KEY
 * or SMTP_URL, mail stays in the development mailbox (/dev/mailbox). Production
 * has none: its configuration requires a transport (lib/env.ts).
 */
export function devMailboxEnabled(): boolean {
  const { RESEND_API_KEY, SMTP_URL } = env();
  return !isProduction() && !RESEND_API_KEY && !SMTP_URL;
}

export class EmailDeliveryError extends Error {
  /**
   * `message` names the provider and its status only, so it can be logged;
   * the provider's own words (`detail`) may quote the address or the name and
   * go to the outbox row only. `permanent`: this message can never go (e.g.
   * an invalid address); otherwise it is retried.
   */
  constructor(message: string, readonly status: number, readonly retryAfterSeconds?: number, readonly permanent = status === 400 || status === 422, readonly detail = "") {
    super(message);
  }
}

/** `"Leuven" <noreply@helpt.be>`: the town's name, the platform's sending address. */
export function senderAddress(emailFrom: string, senderName?: string): string {
  if (!senderName) return emailFrom;
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
  // A header value: no quotes, angle brackets or line breaks from a town's name.
  const name = senderName.replace(/["\\<>\r\n]/g, "").trim().slice(0, 100);
  return name ? `"${name}" <${address}>` : address;
}

/** Sends one message through Resend, the configured SMTP relay, or keeps it in the development mailbox. */
export async function deliver(mail: OutgoingEmail): Promise<Delivery> {
  const config = env();
  const from = senderAddress(config.EMAIL_FROM, mail.senderName);
  if (config.RESEND_API_KEY) return viaResend(config.RESEND_API_KEY, config.RESEND_BASE_URL, from, mail);
  if (config.SMTP_URL) return viaSmtp(config.SMTP_URL, from, mail);
  const row = await prisma.devMailboxMessage.create({
    data: { to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
  });
  logger.info({ mailboxId: row.id }, "e-mail kept in the development mailbox (/dev/mailbox)");
  return { via: "devmailbox", id: row.id };
}

async function viaResend(key: string, baseUrl: string, from: string, mail: OutgoingEmail): Promise<Delivery> {
  const resend = new Resend(key, { baseUrl: baseUrl.replace(/\/+$/, "") });
  const { data, error, headers } = await resend.emails.send(
    { from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text, ...(mail.replyTo ? { replyTo: mail.replyTo } : {}) },
    // The outbox row id: a retry after a lost reply is not a second mail.
    { ...(mail.idempotencyKey ? { idempotencyKey: mail.idempotencyKey } : {}), signal: AbortSignal.timeout(15_000) },
  );
  if (error || !data) {
    // statusCode is null when no answer came (network, timeout): retried like a 5xx.
    const status = (error as { statusCode?: number | null } | null)?.statusCode ?? 0;
    const retryAfter = Number(headers?.["retry-after"]);
    throw new EmailDeliveryError(
      `Resend answered ${status || "nothing"} (${error?.name ?? "no body"})`,
      status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      undefined,
      (error?.message ?? "").slice(0, 300),
    );
  }
  return { via: "resend", id: data.id };
}

const globalForSmtp = globalThis as unknown as { helptSmtp?: { url: string; transport: Transporter } };

function smtpTransport(url: string): Transporter {
  if (globalForSmtp.helptSmtp?.url !== url) {
    globalForSmtp.helptSmtp?.transport.close();
    globalForSmtp.helptSmtp = { url, transport: createTransport(url, { connectionTimeout: 15_000, socketTimeout: 30_000 }) };
  }
  return globalForSmtp.helptSmtp.transport;
}

async function viaSmtp(url: string, from: string, mail: OutgoingEmail): Promise<Delivery> {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? "helpt.localhost";
  try {
    const info = await smtpTransport(url).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      // SMTP has no idempotency key: the same Message-ID lets the relay and the reader recognise a repeat.
      ...(mail.idempotencyKey ? { messageId: `<${mail.idempotencyKey}@${domain}>` } : {}),
    });
    return { via: "smtp", id: info.messageId };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? 0;
    // 550–553: the relay refuses this mailbox for good; anything else (4xx, connection) is retried.
    const kind = (error as { code?: string }).code ?? "error";
    throw new EmailDeliveryError(`SMTP relay answered ${code || "nothing"} (${kind})`, code, undefined, code >= 550 && code <= 553, (error as Error).message.slice(0, 300));
  }
}

export async function listDevMailbox(opts: { to?: string; take?: number } = {}) {
  return prisma.devMailboxMessage.findMany({
    where: opts.to ? { to: opts.to.toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 50,
  });
}
