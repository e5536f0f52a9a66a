import { describe, expect, it } from "vitest";
import { addArea, listAreas, removeArea, renameArea } from "@/lib/areas/admin";
import { addCategory, categoriesForAdmin, moveCategory, renameCategory, setCategoryActive } from "@/lib/categories/admin";
import { listCategories } from "@/lib/categories/queries";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { FormError } from "@/lib/forms/form-error";
import { createRequest } from "@/lib/requests/mutations";
import { getRequestForStaff, listQueue } from "@/lib/requests/queries";
import { coordinatorDashboard } from "@/lib/stats/dashboard";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, requestInput } from "./helpers/factories";

const town = async () => {
  const t = await createTown();
  const admin = await createUser("admin");
  return { ...t, admin: admin.id, ctx: { id: t.tenant.id, defaultLocale: "nl" as const, locales: ["nl" as const, "fr" as const, "en" as const] } };
};
const keys = async (ctx: { id: string; defaultLocale: "nl" }, retired = false) => (await listCategories(ctx, "nl", { retired })).map((c) => c.key);
const audit = (tenantId: string, action: string) => systemDb.auditLog.count({ where: { tenantId, action } });

describe("town structure after sign-up", () => {
  it("retires a category that requests name: no longer offered, but every request, filter and figure keeps its label; restorable", async () => {
    const a = await town();
    const [groceries] = a.categories;
    const { id } = await createRequest(a.ctx, requestInput(groceries.id), { source: "ONLINE", locale: "nl" });
    // Read once, so the 30-second cache holds the category: the retirement must still show at once.
    expect(await keys(a.ctx)).toEqual(["groceries", "pharmacy"]);
    await setCategoryActive(a.ctx, a.admin, groceries.id, false);
    expect(await keys(a.ctx)).toEqual(["pharmacy"]);
    expect(await keys(a.ctx, true)).toEqual(["groceries", "pharmacy"]);
    const label = `groceries-nl-${a.tenant.slug}`;
    expect((await getRequestForStaff(a.ctx, a.admin, id, "nl")).categoryLabel).toBe(label);
    expect((await listQueue(a.ctx, { categoryId: groceries.id }, "nl")).rows.map((r) => [r.id, r.category])).toEqual([[id, label]]);
    expect(JSON.stringify(await coordinatorDashboard(a.ctx, "nl"))).toContain(label);
    // The request form no longer takes it.
    await expect(createRequest(a.ctx, requestInput(groceries.id), { source: "ONLINE", locale: "nl" })).rejects.toBeInstanceOf(InvalidInput);
    // The last active category cannot go.
    await expect(setCategoryActive(a.ctx, a.admin, a.categories[1].id, false)).rejects.toMatchObject({ key: "lastCategory" });
    await expect(setCategoryActive(a.ctx, a.admin, a.categories[1].id, false)).rejects.toBeInstanceOf(FormError);
    await setCategoryActive(a.ctx, a.admin, groceries.id, true);
    expect(await keys(a.ctx)).toEqual(["groceries", "pharmacy"]);
    expect([await audit(a.tenant.id, "category.retire"), await audit(a.tenant.id, "category.restore")]).toEqual([1, 1]);
  });

  it("adds and renames categories per language, with generated keys and no two alike", async () => {
    const a = await town();
    await addCategory(a.ctx, a.admin, { nl: "Hond uitlaten", fr: "Promenade du chien", en: "Dog walking" });
    await addCategory(a.ctx, a.admin, { nl: "Hond-uitlaten!", fr: "Chiens", en: "Dogs" });
    expect(await keys(a.ctx)).toEqual(["groceries", "pharmacy", "hond-uitlaten", "hond-uitlaten-2"]);
    await expect(addCategory(a.ctx, a.admin, { nl: "HOND UITLATEN", fr: "x", en: "y" })).rejects.toMatchObject({ errors: { label_nl: "categoryLabelTaken" } });
    const dog = (await categoriesForAdmin(a.ctx)).find((c) => c.key === "hond-uitlaten")!;
    await renameCategory(a.ctx, a.admin, dog.id, { nl: "Honden uitlaten", fr: "Promenade des chiens", en: "Dog walks" });
    expect((await listCategories(a.ctx, "fr")).find((c) => c.id === dog.id)?.label).toBe("Promenade des chiens");
    // A label in a language the town does not offer (none here) is kept; the key never changes.
    const groceries = a.categories[0];
    await renameCategory({ ...a.ctx, locales: ["nl"] }, a.admin, groceries.id, { nl: "Boodschappen" });
    expect((await systemDb.category.findFirstOrThrow({ where: { id: groceries.id } })).labels).toEqual({ nl: "Boodschappen", en: `groceries-en-${a.tenant.slug}` });
    expect([await audit(a.tenant.id, "category.add"), await audit(a.tenant.id, "category.rename")]).toEqual([2, 2]);
  });

  it("reorders with up and down, at once and without gaps", async () => {
    const a = await town();
    await addCategory(a.ctx, a.admin, { nl: "Soep", fr: "Soupe", en: "Soup" });
    const soup = (await categoriesForAdmin(a.ctx)).at(-1)!;
    await moveCategory(a.ctx, a.admin, soup.id, "up");
    expect(await keys(a.ctx)).toEqual(["groceries", "soep", "pharmacy"]);
    await moveCategory(a.ctx, a.admin, soup.id, "up");
    await moveCategory(a.ctx, a.admin, soup.id, "up"); // already first: stays
    expect(await keys(a.ctx)).toEqual(["soep", "groceries", "pharmacy"]);
    await moveCategory(a.ctx, a.admin, a.categories[1].id, "down"); // already last: stays
    await moveCategory(a.ctx, a.admin, a.categories[0].id, "down");
    expect(await keys(a.ctx)).toEqual(["soep", "pharmacy", "groceries"]);
    const positions = (await systemDb.category.findMany({ where: { tenantId: a.tenant.id }, orderBy: { position: "asc" } })).map((c) => c.position);
    expect(positions).toEqual([0, 1, 2]);
  });

  it("keeps two towns apart: another town's category or area is not found, and stays as it was", async () => {
    const a = await town();
    const b = await town();
    await addArea(b.ctx, b.admin, { name: "Centrum", postcode: "3000", latitude: 50.8796, longitude: 4.7009 }, "postcodes");
    const [bArea] = await listAreas(b.ctx);
    const bCategory = b.categories[0].id;
    await expect(renameCategory(a.ctx, a.admin, bCategory, { nl: "Overgenomen" })).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(setCategoryActive(a.ctx, a.admin, bCategory, false)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(moveCategory(a.ctx, a.admin, bCategory, "down")).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(renameArea(a.ctx, a.admin, bArea.id, "Overgenomen")).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(removeArea(a.ctx, a.admin, bArea.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await keys(b.ctx)).toEqual(["groceries", "pharmacy"]);
    expect((await listCategories(b.ctx, "nl"))[0].label).toBe(`groceries-nl-${b.tenant.slug}`);
    expect(await listAreas(b.ctx)).toEqual([bArea]);
    expect(await listAreas(a.ctx)).toEqual([]);
  });

  it("adds, renames and removes areas, refusing a second one of the same name and postcode", async () => {
    const a = await town();
    await addArea(a.ctx, a.admin, { name: "Heverlee", postcode: "3001", latitude: 50.8643, longitude: 4.696 }, "postcodes");
    await expect(addArea(a.ctx, a.admin, { name: "heverlee", postcode: "3001", latitude: 50.86, longitude: 4.69 }, "map")).rejects.toBeInstanceOf(InvalidInput);
    const [area] = await listAreas(a.ctx);
    await renameArea(a.ctx, a.admin, area.id, "Heverlee-Centrum");
    expect((await listAreas(a.ctx)).map((x) => x.name)).toEqual(["Heverlee-Centrum"]);
    await removeArea(a.ctx, a.admin, area.id);
    expect(await listAreas(a.ctx)).toEqual([]);
    expect([await audit(a.tenant.id, "area.add"), await audit(a.tenant.id, "area.rename"), await audit(a.tenant.id, "area.remove")]).toEqual([1, 1, 1]);
  });
});
