import { BlockList, isIP } from "node:net";

// Who sent a request. `next start` fills X-Forwarded-For/-Host/-Proto from the
// socket only when they are absent (`??=` in Next's base server), so a value a
// client sends survives into proxy.ts, route handlers and server actions, and
// the proxy never learns the socket's address. proxy.ts therefore removes
// every forwarded header before anything reads them (`withoutForwarded`):
// Next.js then sets X-Forwarded-For to the socket peer when it renders, and
// what the client or a proxy claimed travels aside, in CLAIMED_FOR_HEADER,
// to be believed only when that peer is one of TRUSTED_PROXIES.

/** The forwarded-for chain as it arrived, kept by proxy.ts for `clientAddress`. */
export const CLAIMED_FOR_HEADER = "x-helpt-claimed-for";

const FORWARDED_HEADERS = [
  "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
  "x-real-ip", "x-client-ip", "true-client-ip", "cf-connecting-ip", "x-original-forwarded-for",
];

/** An address without IPv4-mapping, brackets, port or zone; undefined when it is none. */
export function normalizeIp(value: string | undefined | null): string | undefined {
  let v = (value ?? "").trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  v = v.replace(/%.*$/, "").toLowerCase();
  if (v.startsWith("::ffff:") && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v : undefined;
}

/** One entry of TRUSTED_PROXIES: an address or a CIDR block; null when malformed. */
function parseEntry(entry: string): { address: string; prefix?: number } | null {
  const [raw, prefix, ...rest] = entry.trim().split("/");
  const address = normalizeIp(raw);
  if (!address || rest.length) return null;
  if (prefix === undefined) return { address };
  const max = isIP(address) === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return null;
  return { address, prefix: Number(prefix) };
}

/** Entries of a TRUSTED_PROXIES value that are not an address or CIDR block. */
export function invalidProxyEntries(list: string): string[] {
  return list.split(",").map((e) => e.trim()).filter((e) => e && !parseEntry(e));
}

const lists = new Map<string, BlockList>();

function trustedList(list: string): BlockList {
  let blocks = lists.get(list);
  if (!blocks) {
    blocks = new BlockList();
    for (const entry of list.split(",").map((e) => parseEntry(e)).filter((e) => e !== null)) {
      const type = isIP(entry.address) === 4 ? "ipv4" : "ipv6";
      if (entry.prefix === undefined) blocks.addAddress(entry.address, type);
      else blocks.addSubnet(entry.address, entry.prefix, type);
    }
    lists.set(list, blocks);
  }
  return blocks;
}

const isTrusted = (address: string, list: string) => trustedList(list).check(address, isIP(address) === 4 ? "ipv4" : "ipv6");

/** The `for=` addresses of RFC 7239 Forwarded headers, in order. */
function forwardedFor(value: string | null): string[] {
  if (!value) return [];
  return value.split(",").flatMap((element) =>
    element.split(";").map((pair) => pair.trim()).filter((pair) => /^for=/i.test(pair)).map((pair) => pair.slice(4)),
  );
}

/**
 * The request headers with every forwarded header removed; the claimed
 * client chain is kept in CLAIMED_FOR_HEADER (overwriting anything sent under
 * that name). For proxy.ts, before anything else reads the headers.
 */
export function withoutForwarded(incoming: Headers): Headers {
  const headers = new Headers(incoming);
  const claimed = [...forwardedFor(incoming.get("forwarded")), ...(incoming.get("x-forwarded-for") ?? "").split(",")]
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const name of FORWARDED_HEADERS) headers.delete(name);
  headers.delete(CLAIMED_FOR_HEADER);
  if (claimed.length) headers.set(CLAIMED_FOR_HEADER, claimed.join(", ").slice(0, 2000));
  return headers;
}

/**
 * The client's address: the socket peer (which Next.js puts in
 * X-Forwarded-For once proxy.ts has removed the client's), or, when that peer
 * is a trusted proxy, the last address in the claimed chain that is not one
 * of ours. `trustedProxies`: TRUSTED_PROXIES, comma-separated.
 */
export function clientAddress(headers: Headers, trustedProxies = ""): string {
  const peer = normalizeIp(headers.get("x-forwarded-for"));
  if (!peer) return "unknown";
  if (!trustedProxies.trim() || !isTrusted(peer, trustedProxies)) return peer;
  const chain = (headers.get(CLAIMED_FOR_HEADER) ?? "").split(",").map((e) => normalizeIp(e));
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i];
    if (!hop) return peer; // a malformed hop: nothing left of it can be believed
    if (!isTrusted(hop, trustedProxies)) return hop;
  }
  return peer;
}

/**
 * What Auth.js and Next.js's server-action check read as this request's
 * public host and scheme, set to the site's own (`siteOrigin`, from
 * configuration) whatever was sent.
 */
export function withSiteOrigin(headers: Headers, siteOrigin: string | null): Headers {
  if (!siteOrigin) return headers;
  const { host, protocol } = new URL(siteOrigin);
  headers.set("x-forwarded-host", host);
  headers.set("x-forwarded-proto", protocol.replace(/:$/, ""));
  return headers;
}
