import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { seedDemo } from "../lib/seed/demo";
import { withSecondWall } from "../lib/tenancy/second-wall";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
try {
  await seedDemo(withSecondWall(prisma, { system: true }));
  console.log("Demo data ready: Leuven and Gent.");
} finally {
  await prisma.$disconnect();
}
