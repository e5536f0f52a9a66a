import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One pool per connection URL and process; Next's dev server re-evaluates
// modules, so they are kept on globalThis to avoid exhausting connections.
// Created on first use, so building the app needs no database.
const globalForPrisma = globalThis as unknown as { helptPools?: Map<string, PrismaClient> };

function pool(connectionString: string): PrismaClient {
  const pools = (globalForPrisma.helptPools ??= new Map());
  let client = pools.get(connectionString);
  if (!client) {
    // The embedded database (PGlite) is one PostgreSQL session shared by all
    // connections, so the launcher and the tests set DATABASE_POOL_MAX=1 for it.
    const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
    // With one connection, every transaction (and with the second wall every
    // query is one) waits its turn: give the queue longer than Prisma's 2 s.
    const transactionOptions = max === 1 ? { maxWait: 30_000, timeout: 30_000 } : undefined;
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), transactionOptions });
    pools.set(connectionString, client);
  }
  return client;
}

function lazy(url: () => string | undefined): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, prop) {
      const connectionString = url();
      if (!connectionString) throw new Error("DATABASE_URL is not set");
      const real = pool(connectionString);
      const value = Reflect.get(real, prop, real);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}

/** The app's login: global tables, and a town's rows through forTenant (production: helpt_web). */
export const prisma = lazy(() => process.env.DATABASE_APP_URL || process.env.DATABASE_URL);

/** The system login, a member of helpt_system (production: its own login); use it through systemDb. */
export const systemPrisma = lazy(() => process.env.DATABASE_SYSTEM_URL || process.env.DATABASE_URL);
