// The data the bench runs on: scale towns (seed-scale, once), a signed-in
// volunteer per measured town, and throw-away accounts for the sign-up bursts.
// Written with the owner's connection (DATABASE_URL), like seed-scale: this is
// test setup across towns, not app code.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { SESSION_IDLE_SECONDS } from "../../lib/auth/session-limits";
import { sessionTokenFor } from "../../lib/auth/site-session";
import { runCli } from "../lib/run";

export type Town = { id: string; slug: string; volunteers: number; latitude: number; longitude: number };

const SCALE = { towns: "200", volunteers: "1000000", seed: "42" }; // one town of 100,000 volunteers, a long tail down to ~700
export const SESSION_COOKIE = "authjs.session-token"; // Auth.js over plain http (no __Secure- prefix)

/** Seeds the scale towns unless they are there (about ten minutes on a shared 2-core machine, once per database); returns the seconds it took, null when the data was there. */
export async function ensureScaleData(db: pg.Client, url: string, log: (m: string) => void): Promise<number | null> {
  const { rowCount } = await db.query(`SELECT 1 FROM "Tenant" WHERE id = 'scale-1'`);
  if (rowCount) return null;
  log(`seeding scale data (${Number(SCALE.volunteers).toLocaleString("en")} volunteers in ${SCALE.towns} towns; about ten minutes, once)…`);
  const started = performance.now();
  const out = await runCli("seedScale", ["--towns", SCALE.towns, "--volunteers", SCALE.volunteers, "--seed", SCALE.seed], { ...process.env, DATABASE_URL: url });
  for (const line of out.trim().split("\n")) log(line);
  return Math.round((performance.now() - started) / 1000);
}

/** The towns the scenarios compare, found by their seeded volunteer counts. */
export async function pickTowns(db: pg.Client) {
  const { rows } = await db.query<Town>(
    `SELECT t.id, t.slug, count(*)::int AS volunteers, min(a.latitude) AS latitude, min(a.longitude) AS longitude
       FROM "Tenant" t
       JOIN "VolunteerProfile" v ON v."tenantId" = t.id AND v.id LIKE t.id || '-v%'
       JOIN "Area" a ON a."tenantId" = t.id
      WHERE t.id LIKE 'scale-%'
      GROUP BY t.id, t.slug`);
  const byCount = [...rows].sort((a, b) => b.volunteers - a.volunteers);
  const big = rows.find((t) => t.volunteers === 100_000);
  if (!big) throw new Error("No town with exactly 100,000 volunteers: this database holds other scale data. Use a fresh database for the bench.");
  const small = [...rows].sort((a, b) => Math.abs(a.volunteers - 1_000) - Math.abs(b.volunteers - 1_000))[0];
  return { big, small, largest: byCount[0], smallest: byCount.at(-1)!, towns: rows.length, volunteers: rows.reduce((n, t) => n + t.volunteers, 0) };
}

/** A session on the town's site (sessions are bound to the site they were issued on). */
export async function newSession(db: pg.Client, userId: string, town: Town): Promise<string> {
  const token = sessionTokenFor(town.slug);
  // As a fresh sign-in leaves it: Auth.js pushes the idle deadline back only after 15 minutes, longer than a run.
  await db.query(`INSERT INTO "Session" ("sessionToken", "userId", expires) VALUES ($1, $2, now() + make_interval(secs => $3))`, [token, userId, SESSION_IDLE_SECONDS]);
  return token;
}

/**
 * A volunteer in `town` living at its centre, offering every category within
 * 10 km (the same profile in every town, so the towns compare like for like),
 * with a fresh session. Returns the session cookie.
 */
export async function benchVolunteer(db: pg.Client, town: Town): Promise<string> {
  const userId = `bench-vol-${town.id}`;
  await db.query(
    `INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $1 || '@bench.example', now()) ON CONFLICT (id) DO NOTHING`, [userId]);
  await db.query(
    `INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $2, 'VOLUNTEER') ON CONFLICT DO NOTHING`, [town.id, userId]);
  await db.query(
    `INSERT INTO "VolunteerProfile" ("tenantId", id, "membershipId", "userId", name, phone, postcode, latitude, longitude, "maxDistanceKm",
                                     "categoryIds", languages, availability, skills, "codeOfConductAt", "updatedAt")
     SELECT $1, $2, $2, $2, 'Bench Volunteer', '+32470000000', '1000', $3, $4, 10,
            (SELECT array_agg(id ORDER BY position) FROM "Category" WHERE "tenantId" = $1), ARRAY['nl'], ARRAY['TUE_MORNING'], ARRAY[]::text[], now(), now()
     ON CONFLICT DO NOTHING`, [town.id, userId, town.latitude, town.longitude]);
  await db.query(`DELETE FROM "Session" WHERE "userId" = $1`, [userId]);
  return newSession(db, userId, town);
}

/** A coordinator of `town` with a fresh session on its site (scenario 4's staff request page). Returns the session cookie. */
export async function benchCoordinator(db: pg.Client, town: Town): Promise<string> {
  const userId = `bench-coord-${town.id}`;
  await db.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $1 || '@bench.example', now()) ON CONFLICT (id) DO NOTHING`, [userId]);
  await db.query(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $2, 'COORDINATOR') ON CONFLICT DO NOTHING`, [town.id, userId]);
  await db.query(`DELETE FROM "Session" WHERE "userId" = $1`, [userId]);
  return newSession(db, userId, town);
}

/** `count` new accounts (no membership yet), signed in on `town`'s site when given; returns their user ids and session tokens. */
export async function newAccounts(db: pg.Client, prefix: string, count: number, signedInOn?: Town) {
  const run = randomBytes(4).toString("hex");
  const ids = Array.from({ length: count }, (_, i) => `bench-${prefix}-${run}-${i}`);
  await db.query(`INSERT INTO "User" (id, email, "updatedAt") SELECT id, id || '@bench.example', now() FROM unnest($1::text[]) id`, [ids]);
  const tokens = signedInOn ? await Promise.all(ids.map((id) => newSession(db, id, signedInOn))) : [];
  return { ids, tokens };
}

/** Removes the sign-up bursts' accounts (their memberships and profiles go with them) and their rate-limit counters; returns the seconds it took. */
export async function removeAccounts(db: pg.Client): Promise<number> {
  const started = performance.now();
  await db.query(`DELETE FROM "User" WHERE id LIKE 'bench-su-%' OR id LIKE 'bench-raw-%' OR id LIKE 'bench-bare-%'`);
  await db.query(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'volunteerFormPerIp:%:198.18.%'`);
  return Math.round((performance.now() - started) / 100) / 10;
}

/** A distinct client address per registration, from the range reserved for benchmarks (RFC 2544). */
export const benchIp = (i: number) => `198.18.${(i >> 8) & 255}.${i & 255}`;
