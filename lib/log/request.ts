import { headers } from "next/headers";
import { logger } from "@/lib/log/logger";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { REQUEST_ID_HEADER, ROUTE_HEADER } from "@/lib/log/request-id";

/** A logger carrying this request's id, town and route; the plain logger outside a request. */
export async function requestLog() {
  try {
    const h = await headers();
    return logger.child({ reqId: h.get(REQUEST_ID_HEADER) ?? undefined, town: h.get(TENANT_HEADER) ?? undefined, route: h.get(ROUTE_HEADER) ?? undefined });
  } catch {
    // Called outside a request (worker, scripts, tests).
    return logger;
  }
}
