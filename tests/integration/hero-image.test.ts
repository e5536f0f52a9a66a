import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { prepareHero } from "@/lib/branding/hero";
import { removeTownHero, saveTownHero, townHero } from "@/lib/settings/town";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser } from "./helpers/factories";

const prepared = async (background: { r: number; g: number; b: number }) => {
  const result = await prepareHero(await sharp({ create: { width: 900, height: 600, channels: 3, background } }).png().toBuffer());
  if ("error" in result) throw new Error(result.error);
  return result;
};

describe("a town's home-page photo", () => {
  it("belongs to its own town: stored, described, replaced and removed there only", async () => {
    const [{ tenant: a }, { tenant: b }, admin] = await Promise.all([createTown(), createTown(), createUser("admin")]);
    const [red, blue] = await Promise.all([prepared({ r: 200, g: 0, b: 0 }), prepared({ r: 0, g: 0, b: 200 })]);

    await saveTownHero(a, admin.id, red, "De markt");
    await saveTownHero(b, admin.id, blue, null);
    expect(Buffer.from((await townHero(a, "large"))!.bytes)).toEqual(Buffer.from(red.large));
    expect(Buffer.from((await townHero(a, "small"))!.bytes)).toEqual(Buffer.from(red.small));
    expect(Buffer.from((await townHero(b, "small"))!.bytes)).toEqual(Buffer.from(blue.small));

    // A new description alone keeps the photo and its version (its URL stays cached).
    const before = (await townHero(a, "large"))!.updatedAt;
    await saveTownHero(a, admin.id, null, "Het stadhuis");
    expect((await townHero(a, "large"))!.updatedAt).toEqual(before);
    expect(await systemDb.tenant.findUniqueOrThrow({ where: { id: a.id }, select: { heroAlt: true } })).toEqual({ heroAlt: "Het stadhuis" });

    await removeTownHero(a, admin.id);
    expect(await townHero(a, "large")).toBeNull();
    expect(await townHero(a, "small")).toBeNull();
    // The other town keeps its own.
    expect(Buffer.from((await townHero(b, "large"))!.bytes)).toEqual(Buffer.from(blue.large));
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: a.id, action: "settings.hero" } });
    expect(audit).toHaveLength(3);
  });
});
