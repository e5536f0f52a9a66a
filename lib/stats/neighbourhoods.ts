import { forTenant } from "@/lib/tenancy/for-tenant";

/** One neighbourhood on the dashboard's map: the town's area (several areas sharing a postcode are one), never a person's place. */
export type NeighbourhoodFigures = { postcode: string; name: string; latitude: number | null; longitude: number | null; openRequests: number; volunteers: number };

const KINDS = ["open-postcode", "volunteer-postcode"];

/**
 * Open requests (new or open) and active volunteers per postcode, from the
 * town's tallies (migration 20261204400000_dashboard_trends): a read of a few
 * rows per postcode in a town of any size. Postcodes that are no area of the
 * town are counted together as "elsewhere", without a place on the map.
 */
export async function neighbourhoodFigures(tenant: { id: string }): Promise<{ areas: NeighbourhoodFigures[]; elsewhere: { openRequests: number; volunteers: number } }> {
  const db = forTenant(tenant.id);
  const [tallies, areas] = await Promise.all([
    db.townTally.findMany({ where: { kind: { in: KINDS } }, select: { kind: true, key: true, count: true } }),
    db.area.findMany({ select: { postcode: true, name: true, latitude: true, longitude: true }, orderBy: [{ postcode: "asc" }, { name: "asc" }] }),
  ]);
  const byPostcode = new Map<string, NeighbourhoodFigures>();
  for (const a of areas) {
    const known = byPostcode.get(a.postcode);
    if (known) {
      known.name = `${known.name} / ${a.name}`;
      known.latitude ??= a.latitude;
      known.longitude ??= a.longitude;
    } else byPostcode.set(a.postcode, { postcode: a.postcode, name: a.name, latitude: a.latitude, longitude: a.longitude, openRequests: 0, volunteers: 0 });
  }
  // Each count is split over slots (lib/stats/dashboard.ts): summed here.
  for (const t of tallies) {
    const row = byPostcode.get(t.key) ?? { postcode: t.key, name: "", latitude: null, longitude: null, openRequests: 0, volunteers: 0 };
    if (t.kind === "open-postcode") row.openRequests += t.count;
    else row.volunteers += t.count;
    byPostcode.set(t.key, row);
  }
  const rows = [...byPostcode.values()];
  const elsewhere = rows.filter((r) => r.name === "").reduce((e, r) => ({ openRequests: e.openRequests + r.openRequests, volunteers: e.volunteers + r.volunteers }), { openRequests: 0, volunteers: 0 });
  return { areas: rows.filter((r) => r.name !== ""), elsewhere };
}
