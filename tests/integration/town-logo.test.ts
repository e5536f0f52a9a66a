import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkLogo, isCurrentLogo } from "@/lib/images/logo";
import { saveTownLogo, townLogo } from "@/lib/settings/town";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser } from "./helpers/factories";

const logo = async (background: { r: number; g: number; b: number }) => {
  const bytes = new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background } }).png().toBuffer());
  const checked = checkLogo(bytes);
  if ("error" in checked) throw new Error(checked.error);
  return { bytes, type: checked.type };
};
const headerUrl = async (id: string) => (await systemDb.tenant.findUniqueOrThrow({ where: { id }, select: { logoUrl: true } })).logoUrl;

describe("a town's logo set in its settings", () => {
  it("belongs to its own town: uploaded, replaced under a new URL and removed there only, each change audited", async () => {
    const [{ tenant: a }, { tenant: b }, admin] = await Promise.all([createTown(), createTown(), createUser("admin")]);
    const [red, blue, green] = await Promise.all([logo({ r: 200, g: 0, b: 0 }), logo({ r: 0, g: 0, b: 200 }), logo({ r: 0, g: 150, b: 0 })]);

    await saveTownLogo(b, admin.id, blue);
    const bUrl = await headerUrl(b.id);
    await saveTownLogo(a, admin.id, red);
    const first = await headerUrl(a.id);
    expect(first).toMatch(/^\/logo\?v=[0-9a-z]+$/);
    expect(Buffer.from((await townLogo(a))!.logo)).toEqual(Buffer.from(red.bytes));

    // A replacement gets a new URL (browsers keep each one for a year).
    await new Promise((r) => setTimeout(r, 5));
    await saveTownLogo(a, admin.id, green);
    const second = await headerUrl(a.id);
    expect(second).not.toBe(first);
    const stored = (await townLogo(a))!;
    expect(Buffer.from(stored.logo)).toEqual(Buffer.from(green.bytes));
    expect(isCurrentLogo(stored.logoUrl, second!.split("v=")[1])).toBe(true);
    expect(isCurrentLogo(stored.logoUrl, first!.split("v=")[1])).toBe(false);

    await saveTownLogo(a, admin.id, null);
    expect(await townLogo(a)).toBeNull();
    expect(await headerUrl(a.id)).toBeNull();

    // Town B never changed.
    expect(await headerUrl(b.id)).toBe(bUrl);
    expect(Buffer.from((await townLogo(b))!.logo)).toEqual(Buffer.from(blue.bytes));
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: a.id, action: "settings.logo" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.details)).toEqual([{ replaced: true, type: "image/png" }, { replaced: true, type: "image/png" }, { removed: true }]);
    expect(await systemDb.auditLog.count({ where: { tenantId: b.id, action: "settings.logo" } })).toBe(1);
  });

  it("is refused by its bytes, whatever its name, and above 512 KB", () => {
    expect(checkLogo(new TextEncoder().encode("<svg onload=alert(1)>"))).toEqual({ error: "logoType" });
    expect(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, ...new Uint8Array(512 * 1024)]))).toEqual({ error: "logoTooLarge" });
  });
});
