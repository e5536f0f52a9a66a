// When a server action calls redirect("/path"), Next.js fetches that path
// from its own listening address (http://localhost:PORT) to send the page
// along with the answer. That request loses the town's Host (fetch cannot set
// it), so proxy.ts routes it to the apex: every redirect on a town's site cost
// a second render, of the apex's 404 page, which the browser then received
// instead of the town's page (vercel/next.js#96977). This answers that one
// fetch in-process with an empty response: Next.js then sends the redirect
// alone (the `x-action-redirect` header), and the browser loads the page from
// the town's own address, as after any redirect. Nothing is trusted from the
// request, and no forwarded header is needed.

type Fetch = typeof globalThis.fetch;
type InternalInit = RequestInit & { next?: { internal?: unknown } };

/** Next.js's own fetch of a redirect target: internal, GET, an RSC request, no action. */
export function isActionRedirectFetch(init: InternalInit | undefined): boolean {
  if (!init?.next?.internal || (init.method ?? "GET").toUpperCase() !== "GET") return false;
  const headers = new Headers(init.headers);
  return headers.get("rsc") === "1" && !headers.has("next-action");
}

/** Installs the short cut once per process (instrumentation.ts). */
export function skipActionRedirectSelfFetch(): void {
  const g = globalThis as unknown as { helptActionRedirect?: boolean; fetch: Fetch };
  if (g.helptActionRedirect) return;
  g.helptActionRedirect = true;
  const fetch = g.fetch;
  g.fetch = ((input: Parameters<Fetch>[0], init?: InternalInit) =>
    isActionRedirectFetch(init) ? Promise.resolve(new Response(null, { status: 204 })) : fetch(input, init)) as Fetch;
}
