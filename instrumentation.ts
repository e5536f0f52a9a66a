import type { Instrumentation } from "next";

/** Once per server process, before it takes requests (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { configurationProblems } = await import("@/lib/env");
  // Fail closed: production without its secrets stops here, one line per variable.
  const problems = configurationProblems(process.env);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[helpt] Configuration error: ${problem}`);
    process.exit(1);
  }
  // A server action's redirect is answered without Next.js fetching the page from itself.
  const { skipActionRedirectSelfFetch } = await import("@/lib/http/action-redirect");
  skipActionRedirectSelfFetch();
  // Time every HTTP request for the metrics.
  const { observeHttpRequests } = await import("@/lib/observability/http-timing");
  observeHttpRequests();
}

/** Every error Next.js catches while answering a request, as one structured log line. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(error, request, context);
};
