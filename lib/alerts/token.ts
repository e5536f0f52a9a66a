import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The one-click link's token: a random id (the Alert row's key) and an HMAC
// binding it to the town, the request and the volunteer, both base64url and
// short enough for a text message (https://<town>.<apex>/a/<22 characters>).
// A forged token fails the HMAC; one from another town is looked up in this
// town's rows and signed for another; a used or expired one is refused by its
// row (lib/alerts/offer.ts).
const ID_BYTES = 8;
const MAC_BYTES = 8;
const ID_LENGTH = 11; // base64url of 8 bytes
export const TOKEN_LENGTH = 22;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export type TokenScope = { tenantId: string; requestId: string; volunteerId: string };

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to sign alert links");
  // A key of its own, derived: a link's MAC never doubles as anything Auth.js signs.
  return createHmac("sha256", secret).update("helpt:alert-link").digest();
}

const mac = (id: string, s: TokenScope) =>
  createHmac("sha256", key()).update(`${s.tenantId}\n${s.requestId}\n${s.volunteerId}\n${id}`).digest().subarray(0, MAC_BYTES);

/** A new token for one volunteer on one request of one town; `id` is the Alert row's key. */
export function newToken(scope: TokenScope): { id: string; token: string } {
  const id = randomBytes(ID_BYTES).toString("base64url");
  return { id, token: `${id}${mac(id, scope).toString("base64url")}` };
}

/** The Alert id a token names, or null for anything that is not a token's shape. */
export function tokenId(token: string): string | null {
  return TOKEN_PATTERN.test(token) ? token.slice(0, ID_LENGTH) : null;
}

/**
 * Whether the token was signed for exactly this town, request and volunteer
 * (constant time). Compared as text: base64url's last character carries
 * unused bits, so decoding would let a second spelling of a token pass.
 */
export function tokenSigned(token: string, scope: TokenScope): boolean {
  const id = tokenId(token);
  if (!id) return false;
  const given = Buffer.from(token.slice(ID_LENGTH));
  const expected = Buffer.from(mac(id, scope).toString("base64url"));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
