import type { TenantDb } from "@/lib/tenancy/for-tenant";

/** Coordinates of a postcode from the town's configured areas (nulls when the town gave none), with the caller's scoped client. */
export async function coordinatesOf(db: Pick<TenantDb, "area">, postcode: string) {
  const area = await db.area.findFirst({
    where: { postcode: postcode.trim().toUpperCase(), latitude: { not: null } },
    select: { latitude: true, longitude: true },
  });
  return { latitude: area?.latitude ?? null, longitude: area?.longitude ?? null };
}
