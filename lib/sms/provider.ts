import { randomUUID } from "node:crypto";
import { env, isProduction } from "@/lib/env";
import { twilioProvider } from "@/lib/sms/twilio";

export type OutgoingSms = {
  /** E.164 */
  to: string;
  body: string;
  /** Where the provider reports delivery (signed); absent for the development inbox. */
  statusCallback?: string;
};

/** A way to send texts: Twilio, the development inbox, or another provider with the same shape. */
export type SmsProvider = {
  name: string;
  send(sms: OutgoingSms): Promise<{ id: string }>;
};

export class SmsSendError extends Error {
  /**
   * `message` names the provider and its status only, so it can be logged;
   * the provider's own words (`detail`) may quote the number and go to the
   * outbox row only. `permanent`: this text can never go (an invalid or
   * unsubscribed number); otherwise it is retried.
   */
  constructor(message: string, readonly permanent: boolean, readonly detail = "", readonly code?: number) {
    super(message);
  }
}

/**
 * Outside production and without Twilio's keys (the demo, development, tests),
 * texts stay in the development inbox: the outbox row is marked sent with a
 * "dev-" id and /dev/sms shows it.
 */
export function devSmsInboxEnabled(): boolean {
  return !isProduction() && !env().TWILIO_ACCOUNT_SID;
}

const devInbox: SmsProvider = { name: "devinbox", send: async () => ({ id: `dev-${randomUUID()}` }) };

/** The configured provider, or null in production without one (texts then fail, and say why). */
export function smsProvider(): SmsProvider | null {
  const config = env();
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    return twilioProvider({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      sender: config.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID } : { from: config.TWILIO_FROM ?? "" },
      baseUrl: config.TWILIO_BASE_URL,
    });
  }
  return devSmsInboxEnabled() ? devInbox : null;
}
