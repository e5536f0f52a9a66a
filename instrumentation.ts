import type { Instrumentation } from "next";

/** Once per server process: time every HTTP request for the metrics (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { observeHttpRequests } = await import("@/lib/observability/http-timing");
  observeHttpRequests();
}

/** Every error Next.js catches while answering a request, as one structured log line. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(error, request, context);
};
