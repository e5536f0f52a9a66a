// The second wall (PostgreSQL row-level security): "on" is how the app runs
// in production, connected as a login role in `helpt_app` that cannot bypass
// RLS; "off" is the owner's connection with HELPT_SECOND_WALL=off, so
// forTenant skips setting the tenant per transaction.
import type pg from "pg";

const APP_GROUP = "helpt_app";
const BENCH_ROLE = "helpt_bench_app";

export type Wall = { on: { url: string; env: Record<string, string> }; off: { url: string; env: Record<string, string> } } | { missing: string };

/** Whether this database has the wall, and the two ways to connect to it. */
export async function wall(db: pg.Client, ownerUrl: string): Promise<Wall> {
  const { rows } = await db.query<{ role: boolean; forced: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS role,
            coalesce((SELECT relforcerowsecurity FROM pg_class WHERE oid = '"VolunteerProfile"'::regclass), false) AS forced`, [APP_GROUP]);
  if (!rows[0].role || !rows[0].forced) {
    return { missing: `this database has no row-level security wall (role ${APP_GROUP}: ${rows[0].role ? "yes" : "no"}, FORCE ROW LEVEL SECURITY on "VolunteerProfile": ${rows[0].forced ? "yes" : "no"})` };
  }
  // A login role for the bench, in the app's group, that cannot bypass RLS.
  const password = "helpt_bench_app";
  await db.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${BENCH_ROLE}') THEN
        CREATE ROLE ${BENCH_ROLE} LOGIN NOBYPASSRLS PASSWORD '${password}' IN ROLE ${APP_GROUP};
      END IF;
    END $$`);
  const app = new URL(ownerUrl);
  app.username = BENCH_ROLE;
  app.password = password;
  return { on: { url: app.toString(), env: {} }, off: { url: ownerUrl, env: { HELPT_SECOND_WALL: "off" } } };
}
