/** Set by proxy.ts on every request (and stripped from incoming requests). */
export const TENANT_HEADER = "x-helpt-tenant";
