import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";

// One pool per connection URL and process; Next's dev server re-evaluates
// modules, so they are kept on globalThis to avoid exhausting connections.
// Created on first use, so building the app needs no database.
type Connection = { client: PrismaClient; pool: Pool };

// Every operation runs in a transaction (the second wall), so Prisma's limits
// apply to all of them. Its defaults (2 s to get a connection, 5 s to finish)
// turned a burst of 25 sign-ups on a 10-connection pool into HTTP 500s under
// load: work that queues for a connection now waits up to 10 s and completes;
// past that, the form comes back with what was typed (lib/forms/attempt.ts).
const TRANSACTIONS = { maxWait: 10_000, timeout: 15_000 };
const globalForPrisma = globalThis as unknown as { helptPools?: Map<string, Connection> };

function connection(connectionString: string): Connection {
  const pools = (globalForPrisma.helptPools ??= new Map());
  let found = pools.get(connectionString);
  if (!found) {
    const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
    // Our own pool, so the metrics can report its connections (same `pg`; the
    // adapter only bundles older type definitions of it).
    const pool = new Pool({ connectionString, max });
    const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]);
    found = { pool, client: new PrismaClient({ adapter, transactionOptions: TRANSACTIONS }) };
    pools.set(connectionString, found);
  }
  return found;
}

const appUrl = () => process.env.DATABASE_APP_URL || process.env.DATABASE_URL;

function lazy(url: () => string | undefined): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, prop) {
      const connectionString = url();
      if (!connectionString) throw new Error("DATABASE_URL is not set");
      const real = connection(connectionString).client;
      const value = Reflect.get(real, prop, real);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}

/** The app's login: global tables, and a town's rows through forTenant (production: helpt_web). */
export const prisma = lazy(appUrl);

/** The system login, a member of helpt_system (production: its own login); use it through systemDb. */
export const systemPrisma = lazy(() => process.env.DATABASE_SYSTEM_URL || process.env.DATABASE_URL);

/** The app login's connection pool, once it exists (for /api/metrics). */
export function databasePool(): Pick<Pool, "totalCount" | "idleCount" | "waitingCount"> | undefined {
  const url = appUrl();
  return url ? globalForPrisma.helptPools?.get(url)?.pool : undefined;
}
