import { prisma } from "@/lib/db/client";
import { withSecondWall } from "@/lib/tenancy/second-wall";

let client: typeof prisma | undefined;

/**
 * Cross-tenant access for the few places that must see every town (the worker,
 * the platform admin console, tenant resolution by host, webhooks, sign-up,
 * test setup). Everything else goes through forTenant(). Row-level security
 * lets this through only because it says so (`helpt.system`), per transaction.
 * Created on first use, like `prisma`, so building the app needs no database.
 */
export const systemDb = new Proxy({} as typeof prisma, {
  get(_target, prop) {
    client ??= withSecondWall(prisma, { system: true });
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
