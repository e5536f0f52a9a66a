import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One client per process; Next's dev server re-evaluates modules, so the
// instance is kept on globalThis to avoid exhausting connections.
const globalForPrisma = globalThis as unknown as { helptPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export const prisma: PrismaClient = (globalForPrisma.helptPrisma ??= createClient());
