import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { systemDb } from "@/lib/tenancy/system";

export const uniqueSlug = (prefix = "town") => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A fresh town with two categories; every test makes its own so runs never collide. */
export async function createTown(overrides: Partial<Prisma.TenantCreateInput> = {}) {
  const slug = overrides.slug ?? uniqueSlug();
  const tenant = await prisma.tenant.create({
    data: { slug, name: `Town ${slug}`, phone: "016 00 00 00", locales: ["nl", "fr", "en"], defaultLocale: "nl", ...overrides },
  });
  const categories = await Promise.all(
    ["groceries", "pharmacy"].map((key, position) =>
      systemDb.category.create({
        data: { tenantId: tenant.id, key, position, labels: { nl: `${key}-nl-${slug}`, en: `${key}-en-${slug}` } },
      }),
    ),
  );
  return { tenant, categories };
}

export async function createUser(prefix = "user") {
  return prisma.user.create({ data: { email: `${uniqueSlug(prefix)}@example.be` } });
}

/** A valid parsed request input for `createRequest`. */
export function requestInput(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    categoryId, description: "Groceries for this week, please", timeWindow: "Tuesday morning",
    neighbourhood: "Centrum", postcode: "3000", name: "Maria Peeters", phone: "+32470123456",
    email: undefined, address: "Kerkstraat 1", contactMethod: "PHONE" as const, contactless: true, smsConsent: false,
    consent: "on" as const, country: "BE" as const, recurrence: "NONE" as const, when: { kind: "WEEKDAY" as const, weekday: "TUE" as const, part: "MORNING" as const }, ...overrides,
  };
}

/** A registered volunteer in a town, near `postcode`, offering the given categories. */
export async function createVolunteer(tenantId: string, categoryIds: string[], overrides: Partial<import("@/lib/volunteers/schemas").VolunteerProfileInput> = {}) {
  const { saveVolunteerProfile } = await import("@/lib/volunteers/profile");
  const user = await createUser("vol");
  const profile = await saveVolunteerProfile({ id: tenantId }, user.id, {
    name: "Vera Vrijwilliger", phone: "+32470111222", postcode: "3000", maxDistanceKm: 5, categoryIds,
    languages: ["nl", "en"], availability: ["TUE_MORNING"], skills: [], codeOfConduct: "on", ...overrides,
  });
  return { user, profile };
}
