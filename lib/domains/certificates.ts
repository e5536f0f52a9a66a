import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { parseHost } from "@/lib/tenancy/parse-host";
import { resolveTenant } from "@/lib/tenancy/resolve";

// Caddy's on-demand TLS asks before it obtains a certificate for a name it
// has not seen: only the platform's own hosts, existing towns' subdomains and
// verified custom domains get one. Anyone can make Caddy ask (any name in a
// TLS handshake), so lookups are cheap (resolveTenant caches answers, misses
// included) and limited per instance; Caddy keeps what it obtained and asks
// again only for new names, so the real traffic is a handful a day.
const lookups = new RateLimiterMemory({ keyPrefix: "tls-ask", points: 600, duration: 60 });

export type CertificateDecision = "allowed" | "unknown" | "busy";

export async function mayHaveCertificate(host: string): Promise<CertificateDecision> {
  const match = parseHost(host, env().ROOT_DOMAIN);
  if (match.kind === "apex") return "allowed";
  if (match.kind === "reserved") return match.subdomain === "www" ? "allowed" : "unknown";
  if (match.kind !== "tenant" && match.kind !== "custom") return "unknown";
  try {
    await lookups.consume("all");
  } catch (error) {
    if (error instanceof RateLimiterRes) return "busy";
    throw error;
  }
  // resolveTenant answers a custom host only once it is verified.
  const tenant = await resolveTenant(match.kind === "tenant" ? match.slug : match.host);
  return tenant ? "allowed" : "unknown";
}
