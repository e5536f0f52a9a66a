import { describe, expect, it } from "vitest";
import { listCategories } from "@/lib/categories/queries";
import { systemDb } from "@/lib/tenancy/system";
import { createTown } from "./helpers/factories";

describe("listCategories", () => {
  it("lists a town's own active categories in order, and keeps them in memory for a while", async () => {
    const a = await createTown();
    const b = await createTown();
    const ctx = { id: a.tenant.id, defaultLocale: "nl" as const };
    expect((await listCategories(ctx, "en")).map((c) => c.key)).toEqual(["groceries", "pharmacy"]);
    expect((await listCategories(ctx, "en"))[0].label).toBe(`groceries-en-${a.tenant.slug}`);
    await systemDb.category.create({ data: { tenantId: a.tenant.id, key: "late", position: 0, labels: { nl: "Laat" } } });
    expect((await listCategories(ctx, "nl")).map((c) => c.key)).toEqual(["groceries", "pharmacy"]);
    expect((await listCategories({ id: b.tenant.id, defaultLocale: "nl" }, "nl")).map((c) => c.label)).toEqual([`groceries-nl-${b.tenant.slug}`, `pharmacy-nl-${b.tenant.slug}`]);
  });
});
