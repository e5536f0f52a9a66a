import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { knownTownSlug } from "@/lib/observability/known-towns";
import { metrics } from "@/lib/observability/metrics";
import { routeGroup, siteKind } from "@/lib/observability/route-group";

type Message = { request: IncomingMessage; response: ServerResponse };

/**
 * Times every HTTP request the Node server answers, from Node's own
 * diagnostics channels (no wrapper around Next's server). Called once from
 * instrumentation.ts.
 */
export function observeHttpRequests() {
  const g = globalThis as unknown as { helptHttpObserved?: boolean };
  if (g.helptHttpObserved) return;
  g.helptHttpObserved = true;
  const started = new WeakMap<IncomingMessage, number>();
  subscribe("http.server.request.start", (message) => {
    started.set((message as Message).request, performance.now());
  });
  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as Message;
    const start = started.get(request);
    if (start === undefined) return;
    const rootDomain = process.env.ROOT_DOMAIN ?? "localhost";
    const host = request.headers.host;
    const { httpDuration, townRequests } = metrics();
    httpDuration.observe(
      { group: routeGroup(request.url ?? "/"), site: siteKind(host, rootDomain), method: request.method ?? "GET", status: `${Math.floor(response.statusCode / 100)}xx` },
      (performance.now() - start) / 1000,
    );
    const town = knownTownSlug(host, rootDomain);
    if (town) townRequests.inc({ town });
  });
}
