import { prisma } from "@/lib/db/client";

/**
 * Cross-tenant access for the few places that must see every town (the worker,
 * the platform admin console, tenant resolution by host, webhooks, test setup).
 * Everything else goes through forTenant(). Kept as its own entry point so the
 * second wall (row-level security) can grant it explicitly.
 */
export const systemDb = prisma;
