// Pure host → site mapping used by proxy.ts. No I/O: table-tested.

export type HostMatch =
  | { kind: "apex" }
  | { kind: "tenant"; slug: string }
  | { kind: "custom"; host: string }
  | { kind: "reserved"; subdomain: string }
  | { kind: "invalid" };

/** Subdomains that can never be a town: infrastructure and confusable names. */
export const RESERVED_SUBDOMAINS = new Set([
  "www", "app", "admin", "api", "mail", "email", "smtp", "imap", "pop", "ftp",
  "static", "assets", "cdn", "img", "images", "media", "files", "status", "docs",
  "help", "support", "blog", "dev", "staging", "test", "demo", "auth", "login",
  "account", "accounts", "billing", "stripe", "webhooks", "dashboard", "platform",
  "root", "ns1", "ns2", "mx", "t", "_next",
]);

/** Lower-case letters, digits and inner hyphens; 2–40 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$/;

const HOSTNAME_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/**
 * The name a Host header gives, as one spelling: lower case, without the port
 * and without the trailing dot of a fully qualified name
 * (`Leuven.Helpt.be.:443` → `leuven.helpt.be`); null when it is no host name.
 */
export function hostName(rawHost: string): string | null {
  const host = rawHost.trim().toLowerCase();
  if (host.startsWith("[")) return null; // IPv6 literals never name a town
  const [name, port, ...rest] = host.split(":");
  if (rest.length > 0) return null;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return null;
  return name.replace(/\.$/, "");
}

/**
 * Classifies a Host header against the platform's root domain (e.g.
 * "helpt.be", or "localhost" in development, where `leuven.localhost` is a town).
 */
export function parseHost(rawHost: string | null | undefined, rootDomain: string): HostMatch {
  if (!rawHost) return { kind: "invalid" };
  const name = hostName(rawHost);
  const root = rootDomain.toLowerCase().replace(/:\d+$/, "");
  if (!name) return { kind: "invalid" };

  if (name === root || (root === "localhost" && (name === "127.0.0.1" || name === "::1"))) {
    return { kind: "apex" };
  }

  if (name.endsWith(`.${root}`)) {
    const sub = name.slice(0, -(root.length + 1));
    if (sub.includes(".")) return { kind: "invalid" }; // a.b.root: no nested towns
    if (RESERVED_SUBDOMAINS.has(sub)) return { kind: "reserved", subdomain: sub };
    if (!SLUG_PATTERN.test(sub)) return { kind: "invalid" };
    return { kind: "tenant", slug: sub };
  }

  if (/^\d+\.\d+\.\d+\.\d+$/.test(name) || !HOSTNAME_PATTERN.test(name)) {
    return { kind: "invalid" };
  }
  return { kind: "custom", host: name };
}
