import { parseHost } from "@/lib/tenancy/parse-host";

// First path segment → group. Few, fixed values: a label per path would grow without bound.
const GROUPS: Record<string, string> = {
  "api/health": "probe", "api/ready": "probe", "api/metrics": "probe",
  "api/auth": "auth", "api/stripe": "webhook", "api/email": "webhook", "api/signup": "signup",
  _next: "next-internal", dev: "dev", admin: "admin", signup: "signup", "sign-in": "sign-in",
  staff: "staff", settings: "settings", volunteer: "volunteer", organisation: "organisation",
  request: "request", requests: "requests", logo: "static", hero: "static",
};

/** The metric label for a request path ("staff", "api", "pages" …). */
export function routeGroup(path: string): string {
  const parts = path.split("?")[0].split("/").filter(Boolean);
  if (parts.length === 0) return "home";
  const two = `${parts[0]}/${parts[1] ?? ""}`;
  return GROUPS[two] ?? GROUPS[parts[0]] ?? (parts[0] === "api" ? "api" : "pages");
}

/** "apex", "town" or "other" for the Host header (a town's name is a separate, bounded label). */
export function siteKind(host: string | undefined, rootDomain: string): "apex" | "town" | "other" {
  const match = parseHost(host, rootDomain);
  if (match.kind === "apex" || (match.kind === "reserved" && match.subdomain === "www")) return "apex";
  return match.kind === "tenant" || match.kind === "custom" ? "town" : "other";
}
