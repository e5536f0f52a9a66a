import { systemPrisma } from "@/lib/db/client";

/**
 * Cross-tenant access for the few places that must see every town (the worker,
 * the platform admin console, tenant resolution by host, webhooks, sign-up,
 * test setup). Everything else goes through forTenant(). Row-level security
 * lets this through only because the login is a member of helpt_system
 * (DATABASE_SYSTEM_URL, else the owner's DATABASE_URL), which the web login is
 * not and cannot become: no setting opens it.
 */
export const systemDb = systemPrisma;
