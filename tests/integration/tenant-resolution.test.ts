import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DIRECTORY_PAGE_SIZE, townDirectory } from "@/lib/tenancy/directory";
import { invalidateTenant, resolveTenant } from "@/lib/tenancy/resolve";
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

  it("lists only active towns in the directory, by name, a page at a time", async () => {
    const active = await createTown();
    const suspended = await createTown({ status: "SUSPENDED" });
    for (let i = 0; i < DIRECTORY_PAGE_SIZE; i++) await createTown(); // at least two pages
    invalidateTenant(); // the directory is kept 30 seconds
    const first = await townDirectory(1);
    expect(first.pages).toBeGreaterThan(1);
    const pages = [first, ...(await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => townDirectory(i + 2))))];
    const towns = pages.flatMap((p) => p.towns);
    expect(pages.every((p, i) => p.page === i + 1 && p.towns.length <= DIRECTORY_PAGE_SIZE)).toBe(true);
    const slugs = towns.map((t) => t.slug);
    expect(slugs).toContain(active.tenant.slug);
    expect(slugs).not.toContain(suspended.tenant.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const names = towns.map((t) => t.name).filter((n) => n.startsWith("Town town-")); // ours: ordered alike in every collation
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await townDirectory(first.pages + 5)).page).toBe(first.pages); // past the end: the last page
    expect((await townDirectory(-1)).page).toBe(1);
  });
});
