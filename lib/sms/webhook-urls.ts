import { apexOrigin } from "@/lib/tenancy/urls";

// Twilio signs the URL it posts to; these are built from configuration (never
// from the request's Host or forwarded headers), so the signature is checked
// against the address Helpt gave.

export const STATUS_PATH = "/api/sms/status";
export const INBOUND_PATH = "/api/sms/inbound";

/** Where Twilio reports what became of one outbox row. */
export const statusCallbackUrl = (outboxId: string) => `${apexOrigin()}${STATUS_PATH}?id=${encodeURIComponent(outboxId)}`;

/** The public URL a webhook request was addressed to: the apex origin, the path and query it arrived with. */
export const signedUrl = (request: Request) => {
  const url = new URL(request.url);
  return `${apexOrigin()}${url.pathname}${url.search}`;
};
