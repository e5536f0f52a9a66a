// Scenario 3's baseline: the rows a registration writes (a VOLUNTEER
// membership and its profile), inserted with plain `pg`, one statement per
// registration, as many at once as the HTTP burst sends.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Town } from "./fixtures";
import { ended, fail, type Sample } from "./stats";

const POOL = Number(process.env.DATABASE_POOL_MAX ?? 10); // the app's pool size, so both sides get the same connections

const INSERT = `
  WITH m AS (
    INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $3, 'VOLUNTEER') RETURNING id
  )
  INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude, "maxDistanceKm",
                                  "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
  SELECT $1, $4, m.id, $3, $5, $6, '1000', $7, $8, 5, $9, ARRAY['nl', 'en'], ARRAY['TUE_MORNING', 'SAT_AFTERNOON'], ARRAY[]::text[], now(), now()
    FROM m`;

export async function rawSignups(url: string, town: Town, categoryIds: string[], userIds: string[], concurrency: number): Promise<Sample> {
  // The owner's plain connection: a member of helpt_system, which row-level security lets write any town's rows.
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const sample: Sample = { ok: 0, seconds: 0, latencies: [], failures: new Map() };
  let next = 0;
  const id = () => `c${randomBytes(12).toString("hex")}`;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < userIds.length) {
      const i = next++;
      const t0 = performance.now();
      try {
        const r = await pool.query(INSERT, [town.id, id(), userIds[i], id(), `Bench Signup ${i}`, `+32470${String(100000 + i).slice(-6)}`, town.latitude, town.longitude, categoryIds]);
        if (r.rowCount === 1) sample.ok++;
        else fail(sample, "no row inserted");
      } catch (error) {
        fail(sample, (error as Error).message);
      }
      sample.latencies.push(performance.now() - t0);
    }
  }));
  sample.seconds = (performance.now() - started) / 1000;
  await pool.end();
  return ended(sample);
}
