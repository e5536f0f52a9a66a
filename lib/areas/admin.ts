import { writeAudit } from "@/lib/audit/log";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

// A town admin's neighbourhoods (model Area): what residents and volunteers
// pick from, and where postcodes get their coordinates for matching by
// distance (lib/areas/coordinates.ts). Requests keep their own postcode and
// neighbourhood text, so removing an area changes no request.

type Town = { id: string };
export type AreaInput = { name: string; postcode: string; latitude: number; longitude: number };

export async function listAreas(tenant: Town) {
  return forTenant(tenant.id).area.findMany({
    orderBy: [{ postcode: "asc" }, { name: "asc" }],
    select: { id: true, name: true, postcode: true, latitude: true, longitude: true },
  });
}

async function refuseTaken(tenant: Town, postcode: string, name: string, except?: string) {
  const taken = await forTenant(tenant.id).area.findFirst({ where: { postcode, name: { equals: name, mode: "insensitive" }, ...(except ? { id: { not: except } } : {}) }, select: { id: true } });
  if (taken) throw new InvalidInput({ name: "areaTaken" });
}

export async function addArea(tenant: Town, actorId: string, area: AreaInput, source: "postcodes" | "map") {
  const postcode = area.postcode.toUpperCase();
  await refuseTaken(tenant, postcode, area.name);
  await forTenant(tenant.id).$transaction(async (tx) => {
    const created = await tx.area.create({ data: { tenantId: tenant.id, ...area, postcode }, select: { id: true } });
    await writeAudit(tenant, { actorId, action: "area.add", subjectType: "Area", subjectId: created.id, details: { name: area.name, postcode, source } }, tx);
  });
}

async function existing(tenant: Town, id: string) {
  const area = await forTenant(tenant.id).area.findFirst({ where: { id }, select: { id: true, name: true, postcode: true } });
  if (!area) throw new NotFoundInTenant("area");
  return area;
}

export async function renameArea(tenant: Town, actorId: string, id: string, name: string) {
  const before = await existing(tenant, id);
  await refuseTaken(tenant, before.postcode, name, id);
  await forTenant(tenant.id).$transaction(async (tx) => {
    await tx.area.update({ where: { tenantId_id: { tenantId: tenant.id, id } }, data: { name } });
    await writeAudit(tenant, { actorId, action: "area.rename", subjectType: "Area", subjectId: id, details: { before: before.name, after: name } }, tx);
  });
}

export async function removeArea(tenant: Town, actorId: string, id: string) {
  const before = await existing(tenant, id);
  await forTenant(tenant.id).$transaction(async (tx) => {
    await tx.area.delete({ where: { tenantId_id: { tenantId: tenant.id, id } } });
    await writeAudit(tenant, { actorId, action: "area.remove", subjectType: "Area", subjectId: id, details: { name: before.name, postcode: before.postcode } }, tx);
  });
}
