import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process; Next's dev server re-evaluates modules, so the
// instance is kept on globalThis to avoid exhausting connections. Created on
// first use, so building the app needs no database.
const globalForPrisma = globalThis as unknown as { helptPrisma?: PrismaClient; helptPool?: Pool };

function client(): PrismaClient {
  if (!globalForPrisma.helptPrisma) {
    const connectionString = process.env.DATABASE_APP_URL || process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
    // Our own pool, so the metrics can report its connections (same `pg`; the
    // adapter only bundles older type definitions of it).
    globalForPrisma.helptPool = new Pool({ connectionString, max });
    globalForPrisma.helptPrisma = new PrismaClient({ adapter: new PrismaPg(globalForPrisma.helptPool as unknown as ConstructorParameters<typeof PrismaPg>[0]) });
  }
  return globalForPrisma.helptPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = client();
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** The web process's connection pool, once the client exists (for /api/metrics). */
export function databasePool(): Pick<Pool, "totalCount" | "idleCount" | "waitingCount"> | undefined {
  return globalForPrisma.helptPool;
}
