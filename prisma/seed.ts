import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemo } from "../lib/seed/demo";

// The owner's login: a member of helpt_system, so row-level security shows it every town.
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
try {
  await seedDemo(prisma);
  console.log("Demo data ready: Leuven and Gent.");
} finally {
  await prisma.$disconnect();
}
