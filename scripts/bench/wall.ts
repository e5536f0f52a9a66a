// The second wall (PostgreSQL row-level security, lib/tenancy/second-wall.ts):
// "on" is production, the web app logged in as a member of helpt_app that
// cannot bypass RLS (DATABASE_APP_URL); "off" is the owner's login, which must
// bypass RLS (superuser or BYPASSRLS), with HELPT_SECOND_WALL=off so no
// per-transaction scope is set.
import type pg from "pg";

const APP_GROUP = "helpt_app";
const BENCH_LOGIN = "helpt_bench_web";

export type Wall = { on: Record<string, string>; off: Record<string, string> | null; offMissing: string | null } | { missing: string };

/** Whether this database has the wall, and the server settings for both sides. */
export async function wall(db: pg.Client, ownerUrl: string): Promise<Wall> {
  const { rows } = await db.query<{ role: boolean; forced: boolean; bypass: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS role,
            coalesce((SELECT relforcerowsecurity FROM pg_class WHERE oid = '"VolunteerProfile"'::regclass), false) AS forced,
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`, [APP_GROUP]);
  const { role, forced, bypass } = rows[0];
  if (!role || !forced) return { missing: `this database has no row-level security wall (role ${APP_GROUP}: ${role ? "yes" : "no"}, forced RLS on "VolunteerProfile": ${forced ? "yes" : "no"})` };
  // The web app's own login for the bench, as the README describes it: in helpt_app, owning nothing.
  await db.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${BENCH_LOGIN}') THEN
        CREATE ROLE ${BENCH_LOGIN} LOGIN NOBYPASSRLS PASSWORD '${BENCH_LOGIN}' IN ROLE ${APP_GROUP};
      END IF;
    END $$`);
  const app = new URL(ownerUrl);
  app.username = BENCH_LOGIN;
  app.password = BENCH_LOGIN;
  return {
    on: { DATABASE_APP_URL: app.toString() },
    off: bypass ? { DATABASE_APP_URL: "", HELPT_SECOND_WALL: "off" } : null,
    offMissing: bypass ? null : "the owner's login (DATABASE_URL) does not bypass row-level security, so the wall cannot be turned off",
  };
}
