import type { PrismaClient, Role } from "../../generated/prisma/client";
import { STANDARD_CATEGORIES } from "../categories/standard";

// Demo data for the one-command start and the end-to-end tests. Idempotent:
// running it again changes nothing.

type TownSeed = {
  slug: string; name: string; primaryColor: string; phone: string; email: string;
  locales: string[]; defaultLocale: string; population: number;
  categories: { key: string; labels: Record<string, string> }[];
  people: { email: string; name: string; role: Role }[];
  volunteers: number;
};

const standard = (omit: string[] = []) => STANDARD_CATEGORIES.filter((c) => !omit.includes(c.key));

export const DEMO_TOWNS: TownSeed[] = [
  {
    slug: "leuven", name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22", email: "helpt@leuven.example",
    locales: ["nl", "fr", "en"], defaultLocale: "nl", population: 102_275,
    categories: standard(),
    people: [
      { email: "admin@leuven.example", name: "An Admin", role: "ADMIN" },
      { email: "coordinator@leuven.example", name: "Koen Coördinator", role: "COORDINATOR" },
      { email: "staff@leuven.example", name: "Sara Stad", role: "STAFF" },
    ],
    volunteers: 12,
  },
  {
    slug: "gent", name: "Gent", primaryColor: "#0f5c52", phone: "09 210 10 10", email: "helpt@gent.example",
    locales: ["nl", "en"], defaultLocale: "nl", population: 265_086,
    categories: [
      ...standard(["dog-walking"]),
      { key: "soup", labels: { nl: "Soep aan huis", fr: "Soupe à domicile", en: "Soup delivered" } },
    ],
    people: [{ email: "admin@gent.example", name: "Geert Admin", role: "ADMIN" }],
    volunteers: 5,
  },
];

export const PLATFORM_ADMIN_EMAIL = "platform@helpt.example";

async function ensureMember(db: PrismaClient, tenantId: string, email: string, name: string, role: Role) {
  const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name } });
  return db.membership.upsert({
    where: { tenantId_userId_role: { tenantId, userId: user.id, role } },
    update: {},
    create: { tenantId, userId: user.id, role },
  });
}

export async function seedDemo(db: PrismaClient): Promise<void> {
  await db.user.upsert({
    where: { email: PLATFORM_ADMIN_EMAIL },
    update: { isPlatformAdmin: true },
    create: { email: PLATFORM_ADMIN_EMAIL, name: "Platform Admin", isPlatformAdmin: true },
  });

  for (const town of DEMO_TOWNS) {
    const { categories, people, volunteers, ...fields } = town;
    const tenant = await db.tenant.upsert({ where: { slug: town.slug }, update: {}, create: fields });

    const categoryIds: string[] = [];
    for (const [position, c] of categories.entries()) {
      const row = await db.category.upsert({
        where: { tenantId_key: { tenantId: tenant.id, key: c.key } },
        update: {},
        create: { tenantId: tenant.id, key: c.key, labels: c.labels, position },
      });
      categoryIds.push(row.id);
    }
    for (const p of people) await ensureMember(db, tenant.id, p.email, p.name, p.role);

    const helpers = [];
    for (let i = 1; i <= volunteers; i++) {
      helpers.push(await ensureMember(db, tenant.id, `volunteer${i}@${town.slug}.example`, `Volunteer ${i}`, "VOLUNTEER"));
    }

    // A few requests with responses, so the counters and lists show life.
    const demoRequests = [
      {
        reference: "DEMO-1", categoryId: categoryIds[0], status: "OPEN" as const, publishedAt: new Date(),
        publicSummary: "Weekly groceries for an older resident", neighbourhood: "Centrum", postcode: "3000",
        description: "Ik kan niet meer naar de winkel. Melk, brood, fruit.", timeWindow: "Dinsdagvoormiddag",
        residentName: "Maria Peeters", residentPhone: "+3216000001", residentAddress: "Demostraat 1",
        ageGroup: "OVER_80" as const, recurrence: "WEEKLY" as const, contactless: true,
      },
      {
        reference: "DEMO-2", categoryId: categoryIds[2], status: "MATCHED" as const, publishedAt: new Date(),
        publicSummary: "A weekly phone chat", neighbourhood: "Noord", postcode: "3000",
        description: "Ik zou graag af en toe iemand spreken.", timeWindow: "Elke week",
        residentName: "Jozef Janssens", residentPhone: "+3216000002", source: "PHONE" as const, consentChannel: "PHONE" as const,
      },
    ];
    for (const r of demoRequests) {
      const request = await db.helpRequest.upsert({
        where: { tenantId_reference: { tenantId: tenant.id, reference: r.reference } },
        update: {},
        create: { tenantId: tenant.id, ...r },
      });
      for (const h of helpers.slice(0, 3)) {
        await db.response.upsert({
          where: { tenantId_requestId_membershipId: { tenantId: tenant.id, requestId: request.id, membershipId: h.id } },
          update: {},
          create: { tenantId: tenant.id, requestId: request.id, membershipId: h.id },
        });
      }
    }
  }
}
