import { describe, expect, it } from "vitest";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { createTown } from "./helpers/factories";

describe("forTenant: the one entry point for tenant-owned data", () => {
  it("reads only the town's own rows", async () => {
    const a = await createTown();
    const b = await createTown();
    const rows = await forTenant(a.tenant.id).category.findMany();
    expect(rows.map((r) => r.id).sort()).toEqual(a.categories.map((c) => c.id).sort());
    expect(await forTenant(a.tenant.id).category.count()).toBe(2);
    expect(rows.some((r) => r.tenantId === b.tenant.id)).toBe(false);
  });

  it("cannot find, update or delete another town's row by its id", async () => {
    const a = await createTown();
    const b = await createTown();
    const target = b.categories[0];
    const dbA = forTenant(a.tenant.id);
    expect(await dbA.category.findFirst({ where: { id: target.id } })).toBeNull();
    expect(await dbA.category.findUnique({ where: { tenantId_id: { tenantId: b.tenant.id, id: target.id } } })).toBeNull();
    expect((await dbA.category.updateMany({ where: { id: target.id }, data: { position: 99 } })).count).toBe(0);
    expect((await dbA.category.deleteMany({ where: { id: target.id } })).count).toBe(0);
    const still = await forTenant(b.tenant.id).category.findFirst({ where: { id: target.id } });
    expect(still?.position).toBe(target.position);
  });

  it("stamps the town on writes and refuses rows for another town", async () => {
    const a = await createTown();
    const b = await createTown();
    const dbA = forTenant(a.tenant.id);
    const created = await dbA.category.create({ data: { tenantId: a.tenant.id, key: "transport", labels: { en: "Transport" } } });
    expect(created.tenantId).toBe(a.tenant.id);
    await expect(
      dbA.category.create({ data: { tenantId: b.tenant.id, key: "sneaky", labels: {} } }),
    ).rejects.toThrow(/another tenant/);
    expect(await forTenant(b.tenant.id).category.count({ where: { key: "sneaky" } })).toBe(0);
  });

  it("rejects a missing tenant id", () => {
    expect(() => forTenant("")).toThrow(/tenantId is required/);
  });
});
