import { randomUUID } from "node:crypto";
import { env, isProduction } from "@/lib/env";
import { twilioProvider } from "@/lib/sms/twilio";
import type { SmsProvider } from "@/lib/sms/types";

/**
 * Outside production and without Twilio's keys (the demo, development, tests),
 * texts stay in the development inbox: the outbox row is marked sent with a
 * "dev-" id and /dev/sms shows it.
 */
export function devSmsInboxEnabled(): boolean {
  return !isProduction() && !env().TWILIO_ACCOUNT_SID;
}

/** Whether texts can go out at all (a provider, or the development inbox): without, nobody is offered alerts by text. */
export function smsAvailable(): boolean {
  const config = env();
  return !!(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) || devSmsInboxEnabled();
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
