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

/** A town's public URL outside a request (e-mails from the worker): from ROOT_DOMAIN and PORT. */
export function publicTownUrl(slug: string, path = "/"): string {
  const root = process.env.ROOT_DOMAIN ?? "localhost";
  const local = root.replace(/:\d+$/, "") === "localhost";
  const port = local && !root.includes(":") ? `:${process.env.PORT ?? 3000}` : "";
  return `${local ? "http" : "https"}://${slug}.${root}${port}${path}`;
}
