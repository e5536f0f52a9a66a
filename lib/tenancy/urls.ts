import type { HostMatch } from "@/lib/tenancy/parse-host";

// Every absolute URL the app writes (links in e-mails and PDFs, redirects,
// Auth.js's own URLs) is built here from configuration and the town's names in
// the database — never from a request's Host or forwarded headers. Scheme and
// port are the deployment's: https without a port in production, http on the
// app's own port under localhost.

const rootDomain = () => process.env.ROOT_DOMAIN ?? "localhost";
/** The host name towns' subdomains sit under ("helpt.be", "localhost"), without a port. */
export const rootName = () => rootDomain().replace(/:\d+$/, "");

/** `scheme://host[:port]` for a host of this deployment (apex, a town's subdomain, a verified custom domain). */
export function publicOrigin(host: string): string {
  const root = rootDomain();
  const local = rootName() === "localhost";
  const port = /:\d+$/.test(root) ? root.slice(root.lastIndexOf(":")) : local ? `:${process.env.PORT ?? 3000}` : "";
  return `${local ? "http" : "https"}://${host}${port}`;
}

/** The apex site's origin. */
export const apexOrigin = () => publicOrigin(rootName());

/** A town's origin on its subdomain, no trailing slash (what its sign-in links and e-mails start with). */
export const townOrigin = (slug: string): string => publicOrigin(`${slug}.${rootName()}`);

/** A town's public URL on its subdomain (e-mails, links from the apex, the worker). */
export function publicTownUrl(slug: string, path = "/"): string {
  return `${townOrigin(slug)}${path}`;
}

/** The origin of the site a host names (what its own pages post from); null for no site. */
export function originOfMatch(match: HostMatch): string | null {
  switch (match.kind) {
    case "apex":
      return apexOrigin();
    case "tenant":
      return townOrigin(match.slug);
    case "custom":
      return publicOrigin(match.host);
    case "reserved":
      return match.subdomain === "www" ? apexOrigin() : null;
    default:
      return null;
  }
}
