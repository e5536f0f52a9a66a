// The scenarios of `npm run bench`: each measures a subject against a
// baseline in the same run and states its target, met or missed by how much.
import type pg from "pg";
import { benchCoordinator, benchVolunteer, newAccounts, SESSION_COOKIE, type Town } from "./fixtures";
import { load, page, type Target } from "./load";
import { measureMatching, measureMatchingSql, openRequest } from "./matching";
import { rawSignups } from "./raw-insert";
import type { Server } from "./server";
import { bareSignupTarget, registered, signupTarget } from "./signup";
import { fail, figures, ratio, type Figures, type Ratio, type Sample } from "./stats";

export type Settings = { seconds: number; warmup: number; rounds: number; connections: number; burst: number; burstConnections: number; matchingRuns: number };

export type Context = {
  db: pg.Client;
  ownerUrl: string;
  primary: Server; // production configuration (the RLS wall on, when the database has it)
  wallOff: Server | null; // the same build, owner connection, HELPT_SECOND_WALL=off
  wallMissing: string | null;
  towns: { big: Town; small: Town; largest: Town; smallest: Town };
  settings: Settings;
  log: (m: string) => void;
};

export type Side = { label: string; figures: Figures };
export type Verdict = { text: string; met: boolean; detail: string };
export type Result = { id: string; title: string; subject: Side; baseline: Side; ratio: Ratio; target: Verdict | null; notes: string[] };

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** Subject throughput must be at least `min` of the baseline's. */
function throughputAtLeast(r: Ratio, min: number, text: string, subject: Figures): Verdict {
  const clean = subject.errors === 0;
  const met = r.throughput >= min && clean;
  const gap = r.throughput >= min ? "" : `: missed by ${Math.round((min - r.throughput) * 100)} percentage points`;
  return { text, met, detail: `${pct(r.throughput)} of the baseline's throughput (target ≥ ${pct(min)})${gap}${clean ? "" : `; ${subject.errors} errors`}` };
}

/** Subject latency (at each given percentile) must be at most `max` times the baseline's. */
export function latencyAtMost(r: Ratio, max: number, text: string, subject: Figures, at: ("p50" | "p95")[]): Verdict {
  const worst = Math.max(...at.map((p) => r[p]));
  const clean = subject.errors === 0;
  const met = worst <= max && clean;
  const gap = worst <= max ? "" : `: missed by ${Math.round((worst / max - 1) * 100)}% (${worst}× against ${max}×)`;
  const shown = at.map((p) => `${p} ${r[p]}×`).join(", ");
  return { text, met, detail: `${shown} the baseline's latency (target ≤ ${max}×)${gap}${clean ? "" : `; ${subject.errors} errors`}` };
}

/**
 * Warm-up for every side (a failed check there stops the bench: the scenario
 * is broken, not slow), then the sides take turns in short slices, so a busy
 * moment on the machine hits them alike; the order turns with every round, so
 * no side always follows the same one. Figures in the order of `sides`.
 */
async function alternate(ctx: Context, sides: (() => Promise<Sample>)[], warm: (() => Promise<Sample>)[]): Promise<Figures[]> {
  for (const w of warm) {
    const s = await w();
    if (s.failures.size) throw new Error(`A check fails during warm-up: ${JSON.stringify(Object.fromEntries(s.failures))}`);
  }
  const samples = sides.map((): Sample[] => []);
  for (let i = 0; i < ctx.settings.rounds; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = (i + k) % sides.length;
      samples[side].push(await sides[side]());
    }
  }
  return samples.map((s) => figures(...s));
}

export async function pair(ctx: Context, id: string, title: string, subject: [string, Target], baseline: [string, Target], goal: (r: Ratio, s: Figures) => Verdict | null): Promise<Result> {
  ctx.log(`${id}. ${title}`);
  const { seconds, warmup, rounds, connections } = ctx.settings;
  const slice = (t: Target, secs: number) => () => load(t, { connections, seconds: secs });
  const [b, s] = await alternate(ctx, [slice(baseline[1], seconds / rounds), slice(subject[1], seconds / rounds)], [slice(baseline[1], warmup), slice(subject[1], warmup)]);
  const r = ratio(s, b);
  return { id, title, subject: { label: subject[0], figures: s }, baseline: { label: baseline[0], figures: b }, ratio: r, target: goal(r, s), notes: [] };
}

export const townHost = (t: Town, server: Server) => `${t.slug}.localhost:${server.port}`;
const fmt = (n: number) => n.toLocaleString("en");

function volunteerList(server: Server, town: Town, cookie: string): Target {
  return {
    port: server.port, host: townHost(town, server), path: "/volunteer", headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    check: page(`data-tenant="${town.slug}"`, "Bench Volunteer", 'data-testid="requests-near"'),
  };
}

/** `amount` registrations through the app, `burstConnections` at a time, each checked in the response and in the database. */
async function signupBurst(ctx: Context, server: Server, amount: number): Promise<Sample> {
  const town = ctx.towns.big;
  const { burstConnections } = ctx.settings;
  const accounts = await newAccounts(ctx.db, "su", amount + burstConnections, town);
  const target = await signupTarget(ctx.db, server.port, town, accounts.tokens);
  const sample = await load(target, { connections: burstConnections, amount });
  // Exactly one new profile per successful response.
  const stored = await registered(ctx.db, town, accounts.ids);
  if (stored !== sample.ok) fail(sample, `${stored} profiles stored for ${sample.ok} successful responses`, Math.abs(stored - sample.ok));
  return sample;
}

/** The same rows with plain pg. */
async function rawBurst(ctx: Context, amount: number): Promise<Sample> {
  const town = ctx.towns.big;
  const { rows } = await ctx.db.query<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 2`, [town.id]);
  const accounts = await newAccounts(ctx.db, "raw", amount);
  return rawSignups(ctx.ownerUrl, town, rows.map((r) => r.id), accounts.ids, ctx.settings.burstConnections);
}

/** The same rows through the bare server action (app/bench/signup). */
async function bareBurst(ctx: Context, amount: number): Promise<Sample> {
  const town = ctx.towns.big;
  const accounts = await newAccounts(ctx.db, "bare", amount);
  const sample = await load(await bareSignupTarget(ctx.db, ctx.primary.port, town, accounts.ids), { connections: ctx.settings.burstConnections, amount });
  const stored = await registered(ctx.db, town, accounts.ids);
  if (stored !== sample.ok) fail(sample, `${stored} profiles stored for ${sample.ok} successful responses`, Math.abs(stored - sample.ok));
  return sample;
}

/** Bursts on every side, in turns (the burst split over the rounds), after a warm-up burst on each. */
function bursts(ctx: Context, sides: ((n: number) => Promise<Sample>)[]) {
  const { burst, rounds, burstConnections } = ctx.settings;
  const slice = Math.ceil(burst / rounds / burstConnections) * burstConnections; // whole rounds of connections
  const warm = burstConnections * 2;
  return alternate(ctx, sides.map((side) => () => side(slice)), sides.map((side) => () => side(warm)));
}

/** Scenario 1 for one town: its home page against the bare route. */
function home(ctx: Context, id: string, town: Town, what: string) {
  const s = ctx.primary;
  return pair(ctx, id, `Town home page (branded, with counters) vs a bare static route: ${what}`,
    [`home page of the ${fmt(town.volunteers)}-volunteer town`, { port: s.port, host: townHost(town, s), path: "/", check: page(`data-tenant="${town.slug}"`, /data-testid="counter-volunteers">\d+</) }],
    ["/bench/static on the apex", { port: s.port, host: `localhost:${s.port}`, path: "/bench/static", check: page('data-bench="static"') }],
    (r, f) => throughputAtLeast(r, 0.8, "town home page ≥ 80% of the bare route's throughput", f));
}

export const SCENARIOS: Record<string, (ctx: Context) => Promise<Result[]>> = {
  async 1(ctx) {
    // Every town's counters are read from its tallies and kept 5 s, forgotten at once on a write through the app (lib/stats/town-counters.ts).
    return [await home(ctx, "1a", ctx.towns.big, "a large town"), await home(ctx, "1b", ctx.towns.small, "a small town")];
  },

  async 2(ctx) {
    const { big, small } = ctx.towns;
    const s = ctx.primary;
    const [bigCookie, smallCookie] = [await benchVolunteer(ctx.db, big), await benchVolunteer(ctx.db, small)];
    return [await pair(ctx, "2", "A volunteer's list of open requests: large town vs small town",
      [`/volunteer in the ${fmt(big.volunteers)}-volunteer town`, volunteerList(s, big, bigCookie)],
      [`/volunteer in the ${fmt(small.volunteers)}-volunteer town`, volunteerList(s, small, smallCookie)],
      (r, f) => latencyAtMost(r, 2, "large town within 2× the small town's latency (p50 and p95)", f, ["p50", "p95"]))];
  },

  async 3(ctx) {
    ctx.log("3. Volunteer sign-up burst vs a bare server action and raw pg inserts of the same rows");
    const { burstConnections } = ctx.settings;
    const [raw, bare, signup] = await bursts(ctx, [(n) => rawBurst(ctx, n), (n) => bareBurst(ctx, n), (n) => signupBurst(ctx, ctx.primary, n)]);
    const subject = { label: `registrations through the server action, ${burstConnections} at a time`, figures: signup };
    const checked = "Every registration is checked twice: the action's answer (the redirect to /volunteer?saved=1, or the bare action's result), and one stored profile per successful response.";
    const vsBare = ratio(signup, bare);
    const vsRaw = ratio(signup, raw);
    return [{
      id: "3", title: "Volunteer sign-up burst vs a bare server action inserting the same rows",
      subject, baseline: { label: `the bare server action (app/bench/signup: same server and stack, no session, checks or redirect), ${burstConnections} at a time`, figures: bare },
      ratio: vsBare, target: throughputAtLeast(vsBare, 0.7, "sign-up ≥ 70% of the bare server action's throughput, no error", signup), notes: [checked],
    }, {
      id: "3r", title: "Volunteer sign-up burst vs raw pg inserts of the same rows (the physical limit)",
      subject, baseline: { label: `the same rows with plain pg (one statement each, no HTTP), ${burstConnections} at a time`, figures: raw },
      ratio: vsRaw, target: null, notes: ["No HTTP request can reach this rate; it shows how far the whole stack is from the database's own limit."],
    }];
  },

  async 4(ctx) {
    const { largest, smallest } = ctx.towns;
    const runs = ctx.settings.matchingRuns;
    const towns = `${largest.slug}, ${fmt(largest.volunteers)} volunteers`;
    const small = `${smallest.slug}, ${fmt(smallest.volunteers)} volunteers`;
    ctx.log("4. Matching: the SQL alone, the function, and the staff request page; largest town vs smallest town");
    const [ls, ss] = await measureMatchingSql(ctx.db, [largest, smallest], runs);
    const [l, sm] = await measureMatching(ctx.db, [largest, smallest], runs);
    const [largeCookie, smallCookie] = [await benchCoordinator(ctx.db, largest), await benchCoordinator(ctx.db, smallest)];
    const [largeRequest, smallRequest] = [await openRequest(ctx.db, largest), await openRequest(ctx.db, smallest)];
    const staffPage = (town: Town, cookie: string, id: string): Target => ({
      port: ctx.primary.port, host: townHost(town, ctx.primary), path: `/staff/requests/${id}`, headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      check: page(`data-tenant="${town.slug}"`, 'data-testid="personal"'),
    });
    const pageResult = await pair(ctx, "4p", "The staff request page (with its ranked candidates): largest town vs smallest town",
      [towns, staffPage(largest, largeCookie, largeRequest)], [small, staffPage(smallest, smallCookie, smallRequest)], () => null);
    return [{
      id: "4s", title: "Matching SQL alone (the statement rankCandidates sends, replayed): largest town vs smallest town",
      subject: { label: `${towns} (${ls.rows} rows)`, figures: ls }, baseline: { label: `${small} (${ss.rows} rows)`, figures: ss },
      ratio: ratio(ls, ss), target: null,
      notes: [`The statement caught on its way to PostgreSQL, replayed on one owner connection (no HTTP, Prisma or scoring), the two towns in turns, ${runs} runs each after 5 warm-up runs.`],
    }, {
      id: "4", title: "Matching query (rank candidates for a request): largest town vs smallest town",
      subject: { label: `${towns} (${l.candidates} candidates returned)`, figures: l },
      baseline: { label: `${small} (${sm.candidates} candidates returned)`, figures: sm },
      ratio: ratio(l, sm), target: null,
      notes: [`rankCandidates called directly, one call at a time, the two towns in turns, ${runs} runs each after 5 warm-up runs; throughput is calls per second of one caller.`],
    }, pageResult];
  },

  async 5(ctx) {
    if (!ctx.wallOff) {
      ctx.log(`5. skipped: ${ctx.wallMissing}`);
      return [];
    }
    const { big } = ctx.towns;
    const cookie = await benchVolunteer(ctx.db, big);
    const read = await pair(ctx, "5a", "Cost of the RLS wall, read: a volunteer's list of open requests",
      ["wall on (app role, tenant set per transaction)", volunteerList(ctx.primary, big, cookie)],
      ["wall off (owner role, HELPT_SECOND_WALL=off)", volunteerList(ctx.wallOff, big, cookie)],
      (r, f) => throughputAtLeast(r, 0.9, "the wall costs ≤ 10% throughput", f));
    ctx.log("5b. Cost of the RLS wall, write: sign-up burst");
    const off = ctx.wallOff;
    const [wallOff, wallOn] = await bursts(ctx, [(n) => signupBurst(ctx, off, n), (n) => signupBurst(ctx, ctx.primary, n)]);
    const r = ratio(wallOn, wallOff);
    const write: Result = {
      id: "5b", title: "Cost of the RLS wall, write: volunteer sign-up burst",
      subject: { label: "wall on", figures: wallOn }, baseline: { label: "wall off", figures: wallOff },
      ratio: r, target: throughputAtLeast(r, 0.9, "the wall costs ≤ 10% throughput", wallOn), notes: [],
    };
    return [read, write];
  },

  async 6(ctx) {
    const { big } = ctx.towns;
    const s = ctx.primary;
    // The same bare page on both hosts (app/bench/static): on the town's, through proxy.ts's rewrite and the town's lookup.
    const onApex = page('data-bench="static"');
    return [await pair(ctx, "6", "Tenant resolution: the bare route on a town's host vs on the apex",
      [`/bench/static on ${big.slug}.localhost`, { port: s.port, host: townHost(big, s), path: "/bench/static", check: page('data-bench="static"', `data-tenant="${big.slug}"`) }],
      ["/bench/static on the apex", { port: s.port, host: `localhost:${s.port}`, path: "/bench/static", check: (status, body, headers) => onApex(status, body, headers) ?? (body.includes("data-tenant=") ? "a town on the apex" : null) }],
      (r, f) => latencyAtMost(r, 1.05, "tenant resolution adds ≤ 5% latency (p50)", f, ["p50"]))];
  },
};
