import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { invalidateTenant, listActiveTenants, resolveTenant } from "@/lib/tenancy/resolve";
import { createTown, uniqueSlug } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

describe("tenant resolution", () => {
  it("resolves a town by slug with its branding and locales", async () => {
    const { tenant } = await createTown({ primaryColor: "#123456", locales: ["fr", "en"], defaultLocale: "fr" });
    const ctx = await resolveTenant(tenant.slug);
    expect(ctx).toMatchObject({ id: tenant.id, primaryColor: "#123456", locales: ["fr", "en"], defaultLocale: "fr" });
  });

  it("returns null for an unknown slug", async () => {
    expect(await resolveTenant(uniqueSlug("nowhere"))).toBeNull();
  });

  it("serves a custom domain only once verified", async () => {
    const { tenant } = await createTown();
    const host = `${uniqueSlug("hulp")}.example.be`;
    await systemDb.domain.create({ data: { host, tenantId: tenant.id, verificationToken: "tok" } });
    expect(await resolveTenant(host)).toBeNull();
    await systemDb.domain.update({ where: { host }, data: { verifiedAt: new Date() } });
    invalidateTenant();
    expect((await resolveTenant(host))?.id).toBe(tenant.id);
  });

  it("keeps a cached tenant until it is invalidated", async () => {
    const { tenant } = await createTown({ name: "Before" });
    expect((await resolveTenant(tenant.slug))?.name).toBe("Before");
    await prisma.tenant.update({ where: { id: tenant.id }, data: { name: "After", status: "SUSPENDED" } });
    expect((await resolveTenant(tenant.slug))?.name).toBe("Before");
    invalidateTenant(tenant);
    expect(await resolveTenant(tenant.slug)).toMatchObject({ name: "After", status: "SUSPENDED" });
  });

  it("lists only active towns in the directory", async () => {
    const active = await createTown();
    const suspended = await createTown({ status: "SUSPENDED" });
    const slugs = (await listActiveTenants()).map((t) => t.slug);
    expect(slugs).toContain(active.tenant.slug);
    expect(slugs).not.toContain(suspended.tenant.slug);
  });
});
