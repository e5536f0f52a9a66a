import { createHmac, timingSafeEqual } from "node:crypto";
import { CONCERN_LINK } from "@/lib/concerns/schemas";
import { publicTownUrl } from "@/lib/tenancy/urls";

// A resident's private link to raise a concern about their own request
// (/concern/<token>, in the request's confirmation): the request id and an HMAC
// binding it to the town. Nothing to store; it works as long as the request
// keeps its resident's details (anonymised requests answer "not found").
const MAC_BYTES = 16;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to sign concern links");
  // A key of its own, derived: this MAC never doubles as anything else Helpt signs.
  return createHmac("sha256", secret).update("helpt:concern-link").digest();
}

const mac = (tenantId: string, requestId: string) =>
  createHmac("sha256", key()).update(`${tenantId}\n${requestId}`).digest().subarray(0, MAC_BYTES).toString("base64url");

/** The token of a request's concern link. */
export function concernLinkToken(tenantId: string, requestId: string): string {
  return `${requestId}.${mac(tenantId, requestId)}`;
}

/** The request a token was signed for in this town, or null (forged, malformed, another town's). Constant-time. */
export function requestOfConcernToken(tenantId: string, token: string): string | null {
  const m = CONCERN_LINK.exec(token);
  if (!m) return null;
  const given = Buffer.from(m[2]);
  const expected = Buffer.from(mac(tenantId, m[1]));
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[1] : null;
}

/** The link itself, on the town's canonical host. */
export const concernLinkUrl = (slug: string, tenantId: string, requestId: string) => publicTownUrl(slug, `/concern/${concernLinkToken(tenantId, requestId)}`);
