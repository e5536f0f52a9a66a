import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process; Next's dev server re-evaluates modules, so the
// instance is kept on globalThis to avoid exhausting connections. Created on
// first use, so building the app needs no database.
const globalForPrisma = globalThis as unknown as { helptPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.helptPrisma) {
    const connectionString = process.env.DATABASE_APP_URL || process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
    globalForPrisma.helptPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
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
