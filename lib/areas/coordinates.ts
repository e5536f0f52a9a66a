import { forTenant } from "@/lib/tenancy/for-tenant";

/** Coordinates of a postcode from the town's configured areas (nulls when the town gave none). */
export async function coordinatesOf(tenant: { id: string }, postcode: string) {
  const area = await forTenant(tenant.id).area.findFirst({
    where: { postcode: postcode.trim().toUpperCase(), latitude: { not: null } },
    select: { latitude: true, longitude: true },
  });
  return { latitude: area?.latitude ?? null, longitude: area?.longitude ?? null };
}
