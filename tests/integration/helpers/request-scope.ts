import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";

/**
 * Runs `fn` as Next.js runs a server action: inside a request scope whose
 * headers are the ones proxy.ts passed on. Only the framework's scope is made
 * here; everything of ours (the pipeline, sessions, tenant lookup) is real.
 */
export function asServerAction<T>(headers: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  // Next.js's server adds these to every request (plain HTTP here).
  const h = new Headers({ "x-forwarded-proto": "http", "x-forwarded-host": headers.host ?? "localhost", ...headers });
  const workStore = { route: "/action-pipeline-test", incrementalCache: {}, pendingRevalidatedTags: [], forceStatic: false, dynamicShouldError: false };
  const requestStore = { type: "request", phase: "action", headers: h, cookies: new RequestCookies(h), mutableCookies: new RequestCookies(h), implicitTags: { tags: [] } };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, fn));
}

/** What the scope recorded for revalidation (revalidatePath's tags). */
export function revalidatedTags(): string[] {
  const store = workAsyncStorage.getStore() as unknown as { pendingRevalidatedTags?: { tag: string }[] } | undefined;
  return store?.pendingRevalidatedTags?.map((t) => t.tag) ?? [];
}
