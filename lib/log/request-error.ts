import type { Instrumentation } from "next";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import { TENANT_HEADER } from "@/lib/tenancy/headers";

type Args = Parameters<Instrumentation.onRequestError>;

const header = (headers: Args[1]["headers"], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Logs an error Next.js caught (instrumentation.ts onRequestError): the route, never the query string. */
export function logRequestError(error: Args[0], request: Args[1], context: Args[2]) {
  logger.error(
    {
      err: error,
      reqId: header(request.headers, REQUEST_ID_HEADER),
      town: header(request.headers, TENANT_HEADER),
      method: request.method,
      // The path may hold a search term or a token in its query: keep the path only.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
