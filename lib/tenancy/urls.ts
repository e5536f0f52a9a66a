import { headers } from "next/headers";

/** Builds absolute town URLs on the same scheme and port as the current request. */
export async function townUrlBuilder(): Promise<(slug: string, path?: string) => string> {
  const h = await headers();
  const host = h.get("host") ?? "localhost";
  const port = /:\d+$/.test(host) ? `:${host.split(":").pop()}` : "";
  const root = (process.env.ROOT_DOMAIN ?? "localhost").replace(/:\d+$/, "");
  const proto = h.get("x-forwarded-proto") ?? (root === "localhost" ? "http" : "https");
  return (slug, path = "/") => `${proto}://${slug}.${root}${port}${path}`;
}
