import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { changePlan, extendTrial, reactivateTown, suspendTown } from "@/lib/platform/mutations";
import { getTown, listTowns, platformMetrics } from "@/lib/platform/queries";
import { planSchema, suspendSchema, trialSchema } from "@/lib/platform/schemas";
import { fieldErrors } from "@/lib/forms/state";
import { NotFoundInTenant } from "@/lib/errors";
import type { z } from "zod";
import { resolveTenant } from "@/lib/tenancy/resolve";
import { createTown, createUser, createVolunteer } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

const DAY_MS = 86_400_000;
const tag = () => randomBytes(4).toString("hex");

async function platformAdmin() {
  return prisma.user.create({ data: { email: `platform-${tag()}@example.be`, isPlatformAdmin: true } });
}

/** A town with an admin (who gets platform e-mails), a blocked admin and a volunteer member (who do not). */
async function townWithMembers(overrides: Parameters<typeof createTown>[0] = {}) {
  const town = await createTown(overrides);
  const [admin, blocked, member] = await Promise.all([createUser("admin"), createUser("blocked"), createUser("member")]);
  await prisma.user.update({ where: { id: blocked.id }, data: { blockedAt: new Date() } });
  await systemDb.membership.createMany({
    data: [
      { tenantId: town.tenant.id, userId: admin.id, role: "ADMIN" },
      { tenantId: town.tenant.id, userId: blocked.id, role: "ADMIN" },
      { tenantId: town.tenant.id, userId: member.id, role: "VOLUNTEER" },
    ],
  });
  return { ...town, admin };
}

async function addRequest(tenantId: string, categoryId: string, status: "NEW" | "OPEN" | "MATCHED" | "DONE" | "CANCELLED", createdAt = new Date()) {
  return systemDb.helpRequest.create({ data: { tenantId, categoryId, status, createdAt, reference: `P-${tag()}` } });
}

const reload = (id: string) => prisma.tenant.findUniqueOrThrow({ where: { id } });
const auditOf = (tenantId: string) => systemDb.platformAudit.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
/** The field errors the action's schema rejects a form with. */
function errorsOf(schema: z.ZodType, values: Record<string, unknown>): Record<string, string> {
  const parsed = schema.safeParse(values);
  if (parsed.success) throw new Error("expected field errors");
  return fieldErrors(parsed.error);
}

const suspendedMails = (tenantId: string) => systemDb.outboxEmail.findMany({ where: { tenantId, template: "suspended" } });

describe("platform queries", () => {
  it("lists towns with volunteers, open requests and last activity; searches name and slug; filters status and plan", async () => {
    const t = tag();
    const a = await createTown({ name: `Aalst ${t}`, population: 88_000 });
    const b = await createTown({ name: `Zottegem ${t}`, status: "SUSPENDED", plan: "PAID" });
    await createVolunteer(a.tenant.id, [a.categories[0].id]);
    await createVolunteer(a.tenant.id, [a.categories[1].id]);
    const latest = new Date(Date.now() - DAY_MS);
    for (const status of ["NEW", "OPEN", "MATCHED", "DONE"] as const) await addRequest(a.tenant.id, a.categories[0].id, status, new Date(Date.now() - 3 * DAY_MS));
    await addRequest(a.tenant.id, a.categories[0].id, "CANCELLED", latest);

    const both = (await listTowns({ q: t })).rows;
    expect(both.map((r) => r.id)).toEqual([a.tenant.id, b.tenant.id]);
    expect(both[0]).toMatchObject({
      slug: a.tenant.slug, status: "ACTIVE", plan: "FREE", billingStatus: "NONE", population: 88_000,
      volunteers: 2, openRequests: 2, lastActivity: latest,
    });
    // Without requests, the town's own last change counts as its last activity.
    expect(both[1]).toMatchObject({ status: "SUSPENDED", plan: "PAID", population: null, volunteers: 0, openRequests: 0, lastActivity: b.tenant.updatedAt });

    expect((await listTowns({ q: `aalst ${t.toUpperCase()}` })).rows.map((r) => r.id)).toEqual([a.tenant.id]);
    expect((await listTowns({ q: b.tenant.slug.toUpperCase() })).rows.map((r) => r.id)).toEqual([b.tenant.id]);
    expect((await listTowns({ q: t, status: "SUSPENDED" })).rows.map((r) => r.id)).toEqual([b.tenant.id]);
    expect((await listTowns({ q: t, plan: "FREE" })).rows.map((r) => r.id)).toEqual([a.tenant.id]);
    expect((await listTowns({ q: t, status: "ACTIVE", plan: "PAID" })).rows).toEqual([]);
    expect((await listTowns()).rows.length).toBeGreaterThanOrEqual(2);
  });

  it("counts across the platform; requests of the last 7 days up to now", async () => {
    const { tenant, categories } = await createTown({ status: "SUSPENDED" });
    await createVolunteer(tenant.id, [categories[0].id]);
    // A moment no other test writes near, so the 7-day window holds only this town's requests.
    const now = new Date("2199-06-15T12:00:00Z");
    for (const [days, status] of [[1, "NEW"], [6.9, "OPEN"], [7.1, "OPEN"], [-1, "DONE"]] as const) {
      await addRequest(tenant.id, categories[0].id, status, new Date(now.getTime() - days * DAY_MS));
    }
    try {
      const metrics = await platformMetrics(now);
      expect(metrics.requestsLast7Days).toBe(2);
      expect(metrics.openRequests).toBeGreaterThanOrEqual(3);
      expect(metrics.volunteers).toBeGreaterThanOrEqual(1);
      expect(metrics.towns.SUSPENDED).toBeGreaterThanOrEqual(1);
    } finally {
      await prisma.tenant.delete({ where: { id: tenant.id } });
    }
  });

  it("shows one town with its latest 20 Stripe events and its audit history; unknown ids are null", async () => {
    const { tenant, categories } = await createTown({ billingStatus: "TRIALING", stripeCustomerId: `cus_${tag()}` });
    const other = await createTown();
    await addRequest(tenant.id, categories[0].id, "OPEN");
    const start = Date.now() - DAY_MS;
    await systemDb.stripeEvent.createMany({
      data: Array.from({ length: 22 }, (_, i) => ({ id: `evt_${tag()}_${i}`, type: "invoice.paid", tenantId: tenant.id, processedAt: new Date(start + i * 1000) })),
    });
    await systemDb.stripeEvent.create({ data: { id: `evt_${tag()}_other`, type: "invoice.paid", tenantId: other.tenant.id, processedAt: new Date() } });
    const actor = await platformAdmin();
    await changePlan(actor.id, tenant.id, planSchema.parse({ plan: "PAID" }));

    const town = await getTown(tenant.id);
    expect(town).toMatchObject({ tenant: { id: tenant.id, billingStatus: "TRIALING", stripeCustomerId: tenant.stripeCustomerId }, openRequests: 1, volunteers: 0 });
    expect(town!.stripeEvents).toHaveLength(20);
    expect(town!.stripeEvents.every((e) => e.tenantId === tenant.id)).toBe(true);
    expect(town!.stripeEvents[0].processedAt).toEqual(new Date(start + 21 * 1000));
    expect(town!.audit).toMatchObject([{ action: "town.plan", actorId: actor.id, actorEmail: actor.email, details: { from: "FREE", to: "PAID" } }]);

    expect(await getTown("nope")).toBeNull();
    expect(await getTown("x".repeat(500))).toBeNull();
  });
});

describe("platform mutations", () => {
  it("suspends with a reason: audited, cache invalidated, e-mail to the active admins in the town's language", async () => {
    const { tenant, admin } = await townWithMembers({ defaultLocale: "fr" });
    const actor = await platformAdmin();
    expect((await resolveTenant(tenant.slug))?.status).toBe("ACTIVE");

    expect(await suspendTown(actor.id, tenant.id, suspendSchema.parse({ reason: "  Unpaid\n invoice  " }))).toBe(true);
    expect(await reload(tenant.id)).toMatchObject({ status: "SUSPENDED", suspendedReason: "Unpaid invoice" });
    expect(await resolveTenant(tenant.slug)).toMatchObject({ status: "SUSPENDED", suspendedReason: "Unpaid invoice" });
    expect(await auditOf(tenant.id)).toMatchObject([
      { actorId: actor.id, action: "town.suspend", details: { reason: "Unpaid invoice", previousStatus: "ACTIVE", previousReason: null } },
    ]);
    const mails = await suspendedMails(tenant.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: admin.email, locale: "fr", status: "PENDING", data: { reason: "Unpaid invoice" } });
    expect((mails[0].data as { url: string }).url).toContain(tenant.slug);

    // A new reason for a suspended town updates the notice without mailing the admins again.
    expect(await suspendTown(actor.id, tenant.id, suspendSchema.parse({ reason: "Under review" }))).toBe(true);
    expect(await resolveTenant(tenant.slug)).toMatchObject({ suspendedReason: "Under review" });
    expect(await suspendTown(actor.id, tenant.id, suspendSchema.parse({ reason: "Under review" }))).toBe(false);
    expect(await auditOf(tenant.id)).toHaveLength(2);
    expect(await suspendedMails(tenant.id)).toHaveLength(1);
  });

  it("reactivates a suspended town, once", async () => {
    const { tenant } = await createTown({ status: "SUSPENDED", suspendedReason: "Abuse" });
    const actor = await platformAdmin();
    expect((await resolveTenant(tenant.slug))?.status).toBe("SUSPENDED");

    expect(await reactivateTown(actor.id, tenant.id)).toBe(true);
    expect(await reload(tenant.id)).toMatchObject({ status: "ACTIVE", suspendedReason: null });
    expect(await resolveTenant(tenant.slug)).toMatchObject({ status: "ACTIVE", suspendedReason: null });
    expect(await reactivateTown(actor.id, tenant.id)).toBe(false);
    expect(await auditOf(tenant.id)).toMatchObject([{ actorId: actor.id, action: "town.reactivate", details: { previousReason: "Abuse" } }]);
  });

  it("changes the plan, recording from and to", async () => {
    const { tenant } = await createTown();
    const actor = await platformAdmin();
    expect(await changePlan(actor.id, tenant.id, planSchema.parse({ plan: "PAID" }))).toBe(true);
    expect((await reload(tenant.id)).plan).toBe("PAID");
    expect(await changePlan(actor.id, tenant.id, planSchema.parse({ plan: "PAID" }))).toBe(false);
    expect(await changePlan(actor.id, tenant.id, planSchema.parse({ plan: "FREE" }))).toBe(true);
    expect(await auditOf(tenant.id)).toMatchObject([
      { action: "town.plan", details: { from: "FREE", to: "PAID" } },
      { action: "town.plan", details: { from: "PAID", to: "FREE" } },
    ]);
  });

  it("extends a running trial from its end, an ended one from now, and re-arms the reminder", async () => {
    const now = new Date();
    const end = new Date(now.getTime() + 3 * DAY_MS);
    const running = await createTown({ billingStatus: "TRIALING", trialEndsAt: end, trialNoticeSentAt: now });
    const ended = await createTown({ trialEndsAt: new Date(now.getTime() - 10 * DAY_MS) });
    const never = await createTown();
    const actor = await platformAdmin();

    expect(await extendTrial(actor.id, running.tenant.id, trialSchema.parse({ days: "10" }), now)).toBe(true);
    const extended = new Date(end.getTime() + 10 * DAY_MS);
    expect(await reload(running.tenant.id)).toMatchObject({ trialEndsAt: extended, trialNoticeSentAt: null });
    expect(await auditOf(running.tenant.id)).toMatchObject([
      { actorId: actor.id, action: "town.trial", details: { days: 10, previousEnd: end.toISOString(), trialEndsAt: extended.toISOString() } },
    ]);

    await extendTrial(actor.id, ended.tenant.id, trialSchema.parse({ days: "5" }), now);
    expect((await reload(ended.tenant.id)).trialEndsAt).toEqual(new Date(now.getTime() + 5 * DAY_MS));
    await extendTrial(actor.id, never.tenant.id, trialSchema.parse({ days: " 90 " }), now);
    expect((await reload(never.tenant.id)).trialEndsAt).toEqual(new Date(now.getTime() + 90 * DAY_MS));
  });

  it("rejects bad input with translation keys per field and unknown towns as not found, changing nothing", async () => {
    const { tenant } = await createTown();
    const actor = await platformAdmin();

    expect(errorsOf(suspendSchema, {})).toEqual({ reason: "required" });
    expect(errorsOf(suspendSchema, { reason: " \n " })).toEqual({ reason: "required" });
    expect(errorsOf(suspendSchema, { reason: "ab" })).toEqual({ reason: "tooShort" });
    expect(errorsOf(suspendSchema, { reason: "x".repeat(301) })).toEqual({ reason: "tooLong" });
    expect(errorsOf(planSchema, { plan: "GOLD" })).toEqual({ plan: "invalidChoice" });
    for (const days of ["", "0", "91", "1.5", "-3", "ten", undefined]) {
      expect(errorsOf(trialSchema, { days })).toEqual({ days: "daysRange" });
    }
    for (const id of ["no-such-town", ""]) {
      await expect(suspendTown(actor.id, id, suspendSchema.parse({ reason: "Valid reason" }))).rejects.toBeInstanceOf(NotFoundInTenant);
      await expect(reactivateTown(actor.id, id)).rejects.toBeInstanceOf(NotFoundInTenant);
    }

    expect(await reload(tenant.id)).toMatchObject({ status: "ACTIVE", plan: "FREE", trialEndsAt: null });
    expect(await auditOf(tenant.id)).toEqual([]);
    expect(await suspendTown(actor.id, tenant.id, suspendSchema.parse({ reason: "x".repeat(300) }))).toBe(true);
  });
});
