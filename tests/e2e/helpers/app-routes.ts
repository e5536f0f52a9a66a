import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * A page or route handler of the app, read from the file system:
 * `town` routes live under app/t/[tenant] and are served on a town's host,
 * `api` routes on every host, `apex` routes on the apex.
 */
export type AppRoute = {
  file: string;
  kind: "page" | "handler";
  site: "town" | "apex" | "api";
  /** URL path with its dynamic segments as in the file system, e.g. /staff/requests/[id]. */
  path: string;
  /** Names of the dynamic segments, e.g. ["id"] or ["...nextauth"]. */
  segments: string[];
  /** HTTP methods a route handler exports; GET for pages. */
  methods: string[];
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every app/**\/page.* and app/**\/route.*; throws for a file whose URL the suite cannot work out. */
export function appRoutes(): AppRoute[] {
  const files = (readdirSync(`${ROOT}app`, { recursive: true }) as string[])
    .map((f) => `app/${f.split("\\").join("/")}`)
    .filter((f) => /\/(page|route)\.(tsx?|jsx?|mdx)$/.test(f))
    .sort();
  return files.map(toRoute);
}

function toRoute(file: string): AppRoute {
  const kind = /\/page\.\w+$/.test(file) ? "page" : "handler";
  const parts = file.split("/").slice(1, -1);
  let site: AppRoute["site"];
  let rest: string[];
  if (parts[0] === "t" && parts[1] === "[tenant]") [site, rest] = ["town", parts.slice(2)];
  else if (parts[0] === "api") [site, rest] = ["api", parts];
  else [site, rest] = ["apex", parts];
  // Route groups do not appear in the URL; parallel and intercepting routes would need their own plan.
  rest = rest.filter((p) => !/^\(\w[\w-]*\)$/.test(p));
  const unmappable = rest.find((p) => p.startsWith("@") || p.startsWith("(") || p === "[tenant]" || p === "t");
  if (unmappable) throw new Error(`${file}: the isolation suite cannot map segment ${unmappable} to a URL`);
  const segments = rest.filter((p) => /^\[.+\]$/.test(p)).map((p) => p.slice(1, -1).replace(/^\[(.+)\]$/, "$1"));
  const source = readFileSync(`${ROOT}${file}`, "utf8");
  const methods = kind === "page"
    ? ["GET"]
    : METHODS.filter((m) => new RegExp(`export\\s+(async\\s+function|function|const|let)\\s+${m}\\b`).test(source));
  if (kind === "handler" && methods.length === 0) throw new Error(`${file}: no exported HTTP method found`);
  return { file, kind, site, path: `/${rest.join("/")}`, segments, methods };
}

/** Fills the dynamic segments of a route's path from `values` (segment name → candidates): one path per combination. */
export function fillPath(route: AppRoute, values: Record<string, string[]>): string[] {
  let paths = [route.path];
  for (const segment of route.segments) {
    const candidates = values[segment];
    if (!candidates?.length) throw new Error(`${route.file}: no values for [${segment}]`);
    paths = paths.flatMap((p) => candidates.map((v) => p.replace(new RegExp(`\\[{1,2}${escape(segment)}\\]{1,2}`), encodeURI(v))));
  }
  return paths.map((p) => (p === "/" ? "/" : p.replace(/\/$/, "")));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
