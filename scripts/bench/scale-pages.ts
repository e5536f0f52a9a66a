// Issue 16's scenarios: the staff pages, the public list, the apex directory,
// the matching SQL alone and erasing a user, largest town against smallest in
// the same run (targets: ≤ 1.5×; erasing ≤ 50 ms).
import type pg from "pg";
import { FIRST_REACH, nearestFittingSql } from "../../lib/matching/candidates";
import { newSession, SESSION_COOKIE, type Town } from "./fixtures";
import { page, type Target } from "./load";
import { latencyAtMost, pair, townHost, type Context, type Result } from "./scenarios";
import { fail, figures, ratio, type Sample } from "./stats";

const RATIO = 1.5;
const ERASE_MS = 50;

/** A coordinator of `town` with a fresh session on its site; returns the session cookie. */
async function benchCoordinator(db: pg.Client, town: Town): Promise<string> {
  const userId = `bench-staff-${town.id}`;
  await db.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $1 || '@bench.example', now()) ON CONFLICT (id) DO NOTHING`, [userId]);
  await db.query(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ($1, $2, $2, 'COORDINATOR') ON CONFLICT DO NOTHING`, [town.id, userId]);
  await db.query(`DELETE FROM "Session" WHERE "userId" = $1`, [userId]);
  return newSession(db, userId, town);
}

/** The town's first open request with coordinates (by id, so every run uses the same one). */
async function openRequest(db: pg.Client, town: Town) {
  const { rows } = await db.query<{ id: string; categoryId: string; postcode: string; latitude: number; longitude: number }>(
    `SELECT id, "categoryId", postcode, latitude, longitude FROM "HelpRequest" WHERE "tenantId" = $1 AND status = 'OPEN' AND latitude IS NOT NULL ORDER BY id LIMIT 1`, [town.id]);
  if (!rows[0]) throw new Error(`Town ${town.slug} has no open request.`);
  return rows[0];
}

/** A page of the largest town against the same page of the smallest, as a coordinator (or anonymous). */
async function largestVsSmallest(ctx: Context, id: string, title: string, path: (t: Town) => Promise<string>, markers: string[], signedIn: boolean): Promise<Result> {
  const { largest, smallest } = ctx.towns;
  const s = ctx.primary;
  const target = async (t: Town): Promise<Target> => ({
    port: s.port, host: townHost(t, s), path: await path(t),
    headers: signedIn ? { cookie: `${SESSION_COOKIE}=${await benchCoordinator(ctx.db, t)}` } : undefined,
    check: page(`data-tenant="${t.slug}"`, ...markers),
  });
  const fmt = (t: Town) => `${t.slug} (${t.volunteers.toLocaleString("en")} volunteers)`;
  return pair(ctx, id, title, [fmt(largest), await target(largest)], [fmt(smallest), await target(smallest)],
    (r, f) => latencyAtMost(r, RATIO, `largest town within ${RATIO}× the smallest's latency (p50 and p95)`, f, ["p50", "p95"]));
}

/** Runs `fn` for each town in turns, `runs` times after 3 warm-up rounds, timing what it returns (ms). */
async function timed(towns: Town[], runs: number, fn: (t: Town) => Promise<number>): Promise<Sample[]> {
  const samples = towns.map((): Sample => ({ ok: 0, seconds: 0, latencies: [], failures: new Map() }));
  for (let i = 0; i < runs + 3; i++) {
    for (const [k, t] of towns.entries()) {
      const ms = await fn(t).catch((error: Error) => (fail(samples[k], error.message), NaN));
      if (i < 3 || Number.isNaN(ms)) continue;
      samples[k].ok++;
      samples[k].latencies.push(ms);
      samples[k].seconds += ms / 1000;
    }
  }
  return samples;
}

export const SCALE_PAGE_SCENARIOS: Record<string, (ctx: Context) => Promise<Result[]>> = {
  async dashboard(ctx) {
    return [await largestVsSmallest(ctx, "dashboard", "Staff dashboard: largest town vs smallest town", async () => "/staff/dashboard", ['data-testid="volunteer-activity"'], true)];
  },

  async "staff-volunteers"(ctx) {
    return [await largestVsSmallest(ctx, "staff-volunteers", "Staff volunteer list: largest town vs smallest town", async () => "/staff/volunteers", ['data-testid="volunteers"', "Volunteer 1"], true)];
  },

  async "staff-request"(ctx) {
    return [await largestVsSmallest(ctx, "staff-request", "Staff request page (with the ranked candidates): largest town vs smallest town",
      async (t) => `/staff/requests/${(await openRequest(ctx.db, t)).id}`, ['data-testid="personal"', 'id="candidates"'], true)];
  },

  async "public-requests"(ctx) {
    return [await largestVsSmallest(ctx, "public-requests", "Public list of open requests: largest town vs smallest town", async () => "/requests", ['data-testid="public-requests"'], false)];
  },

  async "apex-directory"(ctx) {
    const s = ctx.primary;
    const apex = `localhost:${s.port}`;
    return [await pair(ctx, "apex-directory", "Apex landing with the town directory vs the apex sign-in page",
      ["/ on the apex (the directory's first page)", { port: s.port, host: apex, path: "/", check: page('data-testid="town-directory"') }],
      ["/sign-in on the apex", { port: s.port, host: apex, path: "/sign-in", check: page('name="email"') }],
      (r, f) => latencyAtMost(r, RATIO, `the directory adds ≤ ${Math.round((RATIO - 1) * 100)}% latency (p50)`, f, ["p50"]))];
  },

  async "matching-sql"(ctx) {
    const { largest, smallest } = ctx.towns;
    const runs = ctx.settings.matchingRuns;
    ctx.log("matching-sql. The matching statement alone (first round: nearest first until 400 fit): largest town vs smallest town");
    const requests = new Map<string, Awaited<ReturnType<typeof openRequest>>>();
    for (const t of [largest, smallest]) requests.set(t.id, await openRequest(ctx.db, t));
    const [l, sm] = (await timed([largest, smallest], runs, async (t) => {
      const q = nearestFittingSql(t.id, requests.get(t.id)!.id, requests.get(t.id)!, FIRST_REACH);
      const t0 = performance.now();
      const { rows } = await ctx.db.query(q.text, q.values);
      if (!rows.some((r) => r.id)) throw new Error("no candidates");
      return performance.now() - t0;
    })).map((s) => figures(s));
    const r = ratio(l, sm);
    return [{
      id: "matching-sql", title: "Matching SQL alone: largest town vs smallest town",
      subject: { label: `${largest.slug}, ${largest.volunteers.toLocaleString("en")} volunteers`, figures: l },
      baseline: { label: `${smallest.slug}, ${smallest.volunteers.toLocaleString("en")} volunteers`, figures: sm },
      ratio: r, target: latencyAtMost(r, RATIO, `largest town within ${RATIO}× the smallest's latency (p50)`, l, ["p50"]),
      notes: [`The statement of lib/matching/candidates.ts (nearest first until 400 fit, at most ${FIRST_REACH} read), sent with pg as the owner, one at a time, the towns in turns, ${runs} runs each after 3 warm-up runs.`],
    }];
  },

  async erase(ctx) {
    const { largest, smallest } = ctx.towns;
    const runs = ctx.settings.matchingRuns;
    ctx.log("erase. Deleting a volunteer's account (GDPR erase): largest town vs smallest town");
    // A different volunteer each time, deleted inside a transaction that is rolled back: the data stays as seeded.
    let next = 0;
    const [l, sm] = (await timed([largest, smallest], runs, async (t) => {
      const { rows } = await ctx.db.query<{ userId: string }>(
        `SELECT "userId" FROM "VolunteerProfile" WHERE "tenantId" = $1 AND id LIKE $1 || '-v%' ORDER BY id OFFSET $2 LIMIT 1`, [t.id, (next++ * 7) % 500]);
      await ctx.db.query("BEGIN");
      try {
        const t0 = performance.now();
        const { rowCount } = await ctx.db.query(`DELETE FROM "User" WHERE id = $1`, [rows[0].userId]);
        if (rowCount !== 1) throw new Error("user not deleted");
        return performance.now() - t0;
      } finally {
        await ctx.db.query("ROLLBACK");
      }
    })).map((s) => figures(s));
    const met = l.p50 <= ERASE_MS && l.errors === 0;
    return [{
      id: "erase", title: "Erasing a user (account, memberships, profile, offers; authored rows kept without author): largest town vs smallest town",
      subject: { label: `a volunteer of ${largest.slug}`, figures: l }, baseline: { label: `a volunteer of ${smallest.slug}`, figures: sm },
      ratio: ratio(l, sm),
      target: { text: `erasing a user in the largest town ≤ ${ERASE_MS} ms (p50)`, met, detail: `p50 ${l.p50} ms (target ≤ ${ERASE_MS} ms)${met ? "" : `: missed by ${Math.round(l.p50 - ERASE_MS)} ms`}` },
      notes: [`DELETE FROM "User" with every cascade, in a transaction rolled back afterwards, ${runs} users per town after 3 warm-up deletions.`],
    }];
  },
};
