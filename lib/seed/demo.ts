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
  areas: { name: string; postcode: string; latitude: number; longitude: number }[];
  organisation?: { email: string; name: string; vacancy: { title: string; description: string; skills: string[]; places: number } };
};

const standard = (omit: string[] = []) => STANDARD_CATEGORIES.filter((c) => !omit.includes(c.key));

export const DEMO_TOWNS: TownSeed[] = [
  {
    slug: "leuven", name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22", email: "helpt@leuven.example",
    locales: ["nl", "fr", "en", "de"], defaultLocale: "nl", population: 102_275,
    categories: standard(),
    people: [
      { email: "admin@leuven.example", name: "An Admin", role: "ADMIN" },
      { email: "coordinator@leuven.example", name: "Koen Coördinator", role: "COORDINATOR" },
      { email: "staff@leuven.example", name: "Sara Stad", role: "STAFF" },
    ],
    volunteers: 12,
    areas: [
      { name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 },
      { name: "Heverlee", postcode: "3001", latitude: 50.8617, longitude: 4.6942 },
      { name: "Kessel-Lo", postcode: "3010", latitude: 50.8878, longitude: 4.7307 },
      { name: "Wilsele", postcode: "3012", latitude: 50.9008, longitude: 4.6989 },
      { name: "Wijgmaal", postcode: "3018", latitude: 50.925, longitude: 4.695 },
    ],
    organisation: {
      email: "carehome@leuven.example", name: "Woonzorgcentrum De Linde",
      vacancy: { title: "Nursing students for our care home", description: "Help our nurses with meals and company for residents, two half-days a week.", skills: ["nursing-student", "medical-student"], places: 4 },
    },
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
    areas: [
      { name: "Centrum", postcode: "9000", latitude: 51.0543, longitude: 3.7174 },
      { name: "Sint-Amandsberg", postcode: "9040", latitude: 51.0606, longitude: 3.7551 },
      { name: "Gentbrugge", postcode: "9050", latitude: 51.0386, longitude: 3.7617 },
    ],
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
    const { categories, people, volunteers, areas, organisation, ...fields } = town;
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
    for (const a of areas) {
      await db.area.upsert({ where: { tenantId_postcode_name: { tenantId: tenant.id, postcode: a.postcode, name: a.name } }, update: {}, create: { tenantId: tenant.id, ...a } });
    }

    // Volunteers spread over the town's areas, each offering a few categories.
    const helpers = [];
    for (let i = 1; i <= volunteers; i++) {
      const membership = await ensureMember(db, tenant.id, `volunteer${i}@${town.slug}.example`, `Volunteer ${i}`, "VOLUNTEER");
      const area = areas[i % areas.length];
      helpers.push(await db.volunteerProfile.upsert({
        where: { tenantId_membershipId: { tenantId: tenant.id, membershipId: membership.id } },
        update: {},
        create: {
          tenantId: tenant.id, membershipId: membership.id, userId: membership.userId, name: `Volunteer ${i}`,
          phone: `+3247000${String(i).padStart(4, "0")}`, postcode: area.postcode, latitude: area.latitude, longitude: area.longitude,
          maxDistanceKm: 5, categoryIds: categoryIds.filter((_, c) => (c + i) % 2 === 0), languages: i % 3 === 0 ? ["nl", "fr"] : ["nl", "en"],
          availability: ["MON_MORNING", "TUE_MORNING", "WED_AFTERNOON", "SAT_MORNING"], skills: i % 4 === 0 ? ["nursing-student"] : i % 5 === 0 ? ["car", "drivers-licence"] : [],
          codeOfConductAt: new Date(),
        },
      }));
    }
    if (organisation) {
      const m = await ensureMember(db, tenant.id, organisation.email, organisation.name, "ORGANISATION");
      // Its manager: the demo's partner account (one seat per membership, so a second seed finds it).
      const seat = await db.organisationMember.findUnique({ where: { tenantId_membershipId: { tenantId: tenant.id, membershipId: m.id } }, select: { organisationId: true } });
      const org = seat
        ? { id: seat.organisationId }
        : await db.organisation.create({
            data: {
              tenantId: tenant.id, name: organisation.name, kind: "SOCIAL_SERVICE",
              members: { create: { membershipId: m.id, role: "MANAGER", name: organisation.name, phone: "+3216000003" } },
            },
          });
      if ((await db.vacancy.count({ where: { tenantId: tenant.id, organisationId: org.id } })) === 0) {
        await db.vacancy.create({ data: { tenantId: tenant.id, organisationId: org.id, ...organisation.vacancy } });
      }
    }

    // A few requests with responses, so the counters and lists show life.
    const demoRequests = [
      {
        reference: "DEMO-1", categoryId: categoryIds[0], status: "OPEN" as const, publishedAt: new Date(),
        publicSummary: "Weekly groceries for an older resident", neighbourhood: "Centrum", postcode: "3000",
        description: "Ik kan niet meer naar de winkel. Melk, brood, fruit.", timeWindow: "Dinsdagvoormiddag",
        residentName: "Maria Peeters", residentPhone: "+3216000001", residentAddress: "Demostraat 1",
        latitude: areas[0].latitude, longitude: areas[0].longitude,
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
      for (const [index, h] of helpers.slice(0, 3).entries()) {
        const matched = r.status === "MATCHED";
        if (matched && index === 0) {
          await db.assignment.upsert({
            where: { tenantId_requestId_volunteerId: { tenantId: tenant.id, requestId: request.id, volunteerId: h.id } },
            update: {},
            create: { tenantId: tenant.id, requestId: request.id, volunteerId: h.id },
          });
        }
        await db.response.upsert({
          where: { tenantId_requestId_volunteerId: { tenantId: tenant.id, requestId: request.id, volunteerId: h.id } },
          update: {},
          create: { tenantId: tenant.id, requestId: request.id, volunteerId: h.id, status: !matched ? "PENDING" : index === 0 ? "ASSIGNED" : "RELEASED" },
        });
      }
    }
  }
}
