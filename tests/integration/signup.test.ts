import { sessionTokenFor } from "@/lib/auth/site-session";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { LEGAL_VERSIONS } from "@/lib/legal/documents";
import fc from "fast-check";
import { createTown, NameTaken, SlugTaken } from "@/lib/signup/create-town";
import { distinctByName, townNameTaken } from "@/lib/signup/town-name";
import type { SignupData } from "@/lib/signup/schemas";
import { checkSlug } from "@/lib/signup/slug";
import { inviteMember, listTeam, removeMember } from "@/lib/settings/team";
import { updateTownSettings } from "@/lib/settings/town";
import { resolveTenant } from "@/lib/tenancy/resolve";
import { createTown as createTestTown, createUser, createVolunteer, uniqueSlug } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

const complete = (slug: string, email = `${slug}@example.be`, name = `Testdorp ${slug}`) => ({
  municipality: { name, country: "BE" as const, timeZone: "Europe/Brussels", population: 12_000, contactName: "Ann", contactEmail: email },
  subdomain: { slug },
  branding: { primaryColor: "#0f5c52", phone: "+3216000000", email: undefined, locales: ["nl" as const, "en" as const], defaultLocale: "nl" as const },
  categories: [{ key: "groceries", labels: { nl: "Boodschappen", en: "Groceries" } }, { key: "soup", labels: { nl: "Soep" } }],
  areas: [{ postcode: "3000", name: "Centrum", latitude: 50.88, longitude: 4.7 }],
  admin: { adminName: "Ann Admin", adminEmail: email },
}) satisfies SignupData;

async function draft() {
  return (await systemDb.signupDraft.create({ data: {} })).id;
}

describe("sign-up", () => {
  it("checks subdomains: format, reserved words, taken names with suggestions", async () => {
    const { tenant } = await createTestTown();
    expect(await checkSlug("Bad_Name")).toMatchObject({ available: false, reason: "invalidSlug" });
    expect(await checkSlug("admin")).toMatchObject({ available: false, reason: "reservedSlug" });
    const taken = await checkSlug(tenant.slug);
    expect(taken).toMatchObject({ available: false, reason: "slugTaken" });
    expect(taken.suggestions).toContain(`${tenant.slug}-helpt`);
    expect(await checkSlug(uniqueSlug("free"))).toEqual({ available: true, suggestions: [] });
  });

  it("creates the town with its categories, areas and administrator, and mails a sign-in link", async () => {
    const slug = uniqueSlug("dorp");
    const acceptedAt = new Date("2026-11-30T08:15:00Z");
    const tenant = await createTown(complete(slug), await draft(), { acceptedAt });
    expect(await resolveTenant(slug)).toMatchObject({ id: tenant.id, primaryColor: "#0f5c52", locales: ["nl", "en"] });
    expect(await systemDb.category.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(await systemDb.area.count({ where: { tenantId: tenant.id } })).toBe(1);
    const admin = await systemDb.membership.findFirstOrThrow({ where: { tenantId: tenant.id, role: "ADMIN" }, include: { user: true } });
    expect(admin.user.email).toBe(`${slug}@example.be`);
    const mail = await systemDb.outboxEmail.findFirstOrThrow({ where: { tenantId: tenant.id, template: "wizard-welcome" } });
    const url = (mail.data as { signInUrl: string }).signInUrl;
    expect(url).toContain(`${slug}.localhost`);
    expect(url).toContain("/api/auth/callback/email");
    expect(decodeURIComponent(url)).toContain("/settings");
    expect(await prisma.verificationToken.count({ where: { identifier: `${slug}@example.be` } })).toBe(1);
    // The contact person accepted both platform documents, in their current versions, at that moment.
    const accepted = await systemDb.termsAcceptance.findMany({ where: { tenantId: tenant.id }, orderBy: { document: "asc" } });
    expect(accepted.map(({ document, version, acceptedByName, acceptedByEmail, acceptedAt: at }) => ({ document, version, acceptedByName, acceptedByEmail, at }))).toEqual([
      { document: "TERMS", version: LEGAL_VERSIONS.TERMS, acceptedByName: "Ann", acceptedByEmail: `${slug}@example.be`, at: acceptedAt },
      { document: "DPA", version: LEGAL_VERSIONS.DPA, acceptedByName: "Ann", acceptedByEmail: `${slug}@example.be`, at: acceptedAt },
    ]);
  });

  it("gives a subdomain to exactly one of two simultaneous sign-ups", async () => {
    const slug = uniqueSlug("race");
    const results = await Promise.allSettled([createTown(complete(slug, "a@example.be", `A ${slug}`), await draft(), { acceptedAt: new Date() }), createTown(complete(slug, "b@example.be", `B ${slug}`), await draft(), { acceptedAt: new Date() })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(SlugTaken);
    expect(await prisma.tenant.count({ where: { slug } })).toBe(1);
  });

  it("refuses a second town of the same name, whatever its case and spacing, also when both sign up at once", async () => {
    const name = `Mechelen ${uniqueSlug("naam")}`;
    await createTown(complete(uniqueSlug("mechelen"), undefined, name), await draft(), { acceptedAt: new Date() });
    // The same name typed differently: case, extra spaces, tabs, spaces around it.
    const variant = fc.tuple(fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }), fc.constantFrom(" ", "  ", "\t", " \t "), fc.constantFrom("", " ", "  "))
      .map(([upper, gap, pad]) => pad + [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join("").split(" ").join(gap) + pad);
    await fc.assert(fc.asyncProperty(variant, async (typed) => {
      expect(await townNameTaken(typed)).toBe(true);
    }), { numRuns: 50 });
    await expect(createTown(complete(uniqueSlug("mechelen"), undefined, `  ${name.toUpperCase()} `), await draft(), { acceptedAt: new Date() })).rejects.toBeInstanceOf(NameTaken);
    expect(await townNameTaken(`${name} Noord`)).toBe(false);

    const raced = `Duffel ${uniqueSlug("race")}`;
    const results = await Promise.allSettled([createTown(complete(uniqueSlug("d1"), undefined, raced), await draft(), { acceptedAt: new Date() }), createTown(complete(uniqueSlug("d2"), undefined, raced.toLowerCase()), await draft(), { acceptedAt: new Date() })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(NameTaken);
    expect(distinctByName([{ name }, { name: ` ${name.toLowerCase()}` }, { name: raced }])).toEqual([{ name }, { name: raced }]);
  });
});

describe("town settings and team", () => {
  it("updates settings and refreshes the cached town", async () => {
    const { tenant, categories } = await createTestTown();
    await createVolunteer(tenant.id, [categories[0].id], { languages: ["fr"] });
    await createVolunteer(tenant.id, [categories[0].id]);
    const actor = await createUser("admin");
    await resolveTenant(tenant.slug);
    const settings = {
      name: "Nieuwe naam", primaryColor: "#1d4ed8", phone: "+3216111111", email: undefined, country: "BE" as const, timeZone: "Europe/Brussels", locales: ["fr" as const], defaultLocale: "fr" as const,
      mode: "CRISIS" as const, responseCap: 3, retentionDays: 30, emailsPerDay: 2, alertBatchActive: 5, alertBatchCrisis: 15, alertWaitMinutes: 30,
    };
    await updateTownSettings(tenant, actor.id, settings);
    await updateTownSettings(tenant, actor.id, settings);
    expect(await resolveTenant(tenant.slug)).toMatchObject({ name: "Nieuwe naam", mode: "CRISIS", locales: ["fr"], responseCap: 3 });
    // Switching to crisis mode asks the volunteers to confirm, once.
    const crisisMails = await systemDb.outboxEmail.findMany({ where: { tenantId: tenant.id, template: "crisis-call" } });
    expect(crisisMails).toHaveLength(2);
    expect(crisisMails.map((m) => m.locale).sort()).toEqual(["fr", "nl"]);
  });

  it("invites colleagues, refuses doubles, keeps the last admin and ends removed people's sessions", async () => {
    const { tenant } = await createTestTown();
    const other = await createTestTown();
    const ctx = { id: tenant.id, slug: tenant.slug, defaultLocale: "nl" };
    const admin = await createUser("admin");
    const adminMembership = await systemDb.membership.create({ data: { tenantId: tenant.id, userId: admin.id, role: "ADMIN" } });
    const email = `${uniqueSlug("coord")}@example.be`;
    await inviteMember(ctx, { userId: admin.id, name: "Admin" }, { email, role: "COORDINATOR" });
    await expect(inviteMember(ctx, { userId: admin.id, name: "Admin" }, { email, role: "COORDINATOR" })).rejects.toBeInstanceOf(InvalidInput);
    const team = await listTeam(tenant);
    const invited = team.find((m) => m.user.email === email)!;
    expect(invited.role).toBe("COORDINATOR");
    expect(await systemDb.outboxEmail.count({ where: { to: email, template: "staff-invitation" } })).toBe(1);

    // A session on this town's site (sessions name their site: lib/auth/site-session.ts).
    await prisma.session.create({ data: { sessionToken: sessionTokenFor(tenant.slug), userId: invited.userId, expires: new Date(Date.now() + 3_600_000) } });
    await expect(removeMember(other.tenant, admin.id, invited.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    await removeMember(tenant, admin.id, invited.id);
    expect(await prisma.session.count({ where: { userId: invited.userId } })).toBe(0);
    await expect(removeMember(tenant, admin.id, adminMembership.id)).rejects.toBeInstanceOf(InvalidTransition);
  });
});
