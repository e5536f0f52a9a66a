export const REQUEST_ID_HEADER = "x-request-id";
export const ROUTE_HEADER = "x-helpt-route";

// A caller's id (e.g. from the reverse proxy) is kept when it looks like one; anything else is replaced.
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives the request an id and records its path before the proxy rewrites it,
 * so every log line of this request can name both. Called by proxy.ts on the
 * request headers it forwards.
 */
export function tagRequest(incoming: Headers, path: string, forwarded: Headers): string {
  const given = incoming.get(REQUEST_ID_HEADER);
  const id = given && ACCEPTABLE.test(given) ? given : crypto.randomUUID();
  forwarded.set(REQUEST_ID_HEADER, id);
  forwarded.set(ROUTE_HEADER, path.slice(0, 200));
  return id;
}
