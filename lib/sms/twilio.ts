import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { SmsSendError, type OutgoingSms, type SmsProvider } from "@/lib/sms/types";

type Options = {
  accountSid: string;
  authToken: string;
  sender: { from: string } | { messagingServiceSid: string };
  /** Another origin for Twilio's API (tests: a local server speaking it). */
  baseUrl?: string;
};

/** Twilio's error codes that mean this number can never receive the text (invalid, not a mobile, unsubscribed, blocked). */
const PERMANENT_CODES = new Set([21211, 21214, 21408, 21610, 21612, 21614, 21635, 30003, 30004, 30005, 30006, 30007]);

/**
 * Twilio's own HTTP client with every request sent to `baseUrl` instead of
 * *.twilio.com: the way Twilio's maintainers recommend for a test server
 * (a custom httpClient, twilio-node #326). Path, auth and body are untouched.
 */
class RebasedClient extends twilio.RequestClient {
  constructor(private readonly base: URL, opts: RequestClient.RequestClientOptions) {
    super(opts);
  }
  override request<T>(opts: RequestClient.RequestOptions<T>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request<T>({ ...opts, uri: uri.href });
  }
}

const clients = new Map<string, ReturnType<typeof twilio>>();

function client(o: Options) {
  const key = `${o.accountSid}\n${o.authToken}\n${o.baseUrl ?? ""}`;
  let c = clients.get(key);
  if (!c) {
    const http = { timeout: 15_000 };
    c = twilio(o.accountSid, o.authToken, { ...http, ...(o.baseUrl ? { httpClient: new RebasedClient(new URL(o.baseUrl), http) } : {}) });
    clients.clear();
    clients.set(key, c);
  }
  return c;
}

export function twilioProvider(o: Options): SmsProvider {
  return {
    name: "twilio",
    async send(sms: OutgoingSms) {
      try {
        const message = await client(o).messages.create({ to: sms.to, body: sms.body, ...o.sender, ...(sms.statusCallback ? { statusCallback: sms.statusCallback } : {}) });
        return { id: message.sid };
      } catch (error) {
        const e = error as { status?: number; code?: number; message?: string };
        const status = typeof e.status === "number" ? e.status : 0;
        // A 400 with a number's error code cannot succeed later; an outage (5xx), a rate limit (429) or no answer can.
        const permanent = status === 400 && (e.code === undefined || PERMANENT_CODES.has(e.code) || (e.code >= 21000 && e.code < 22000));
        throw new SmsSendError(`Twilio answered ${status || "nothing"}${e.code ? ` (error ${e.code})` : ""}`, permanent, (e.message ?? "").slice(0, 300), e.code);
      }
    },
  };
}
