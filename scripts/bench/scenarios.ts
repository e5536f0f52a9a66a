// The scenarios of `npm run bench`: each measures a subject against a
// baseline in the same run and states its target, met or missed by how much.
import type pg from "pg";
import { benchVolunteer, newAccounts, SESSION_COOKIE, type Town } from "./fixtures";
import { load, page, type Target } from "./load";
import { measureMatching } from "./matching";
import { rawSignups } from "./raw-insert";
import type { Server } from "./server";
import { registered, signupTarget } from "./signup";
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
 * Warm-up for both sides (a failed check there stops the bench: the scenario
 * is broken, not slow), then baseline and subject take turns in short slices,
 * so a busy moment on the machine hits both sides alike.
 */
async function alternate(ctx: Context, baseline: () => Promise<Sample>, subject: () => Promise<Sample>, warm: [() => Promise<Sample>, () => Promise<Sample>]) {
  for (const w of warm) {
    const s = await w();
    if (s.failures.size) throw new Error(`A check fails during warm-up: ${JSON.stringify(Object.fromEntries(s.failures))}`);
  }
  const b: Sample[] = [];
  const s: Sample[] = [];
  for (let i = 0; i < ctx.settings.rounds; i++) {
    b.push(await baseline());
    s.push(await subject());
  }
  return { subject: figures(...s), baseline: figures(...b) };
}

export async function pair(ctx: Context, id: string, title: string, subject: [string, Target], baseline: [string, Target], goal: (r: Ratio, s: Figures) => Verdict | null): Promise<Result> {
  ctx.log(`${id}. ${title}`);
  const { seconds, warmup, rounds, connections } = ctx.settings;
  const slice = (t: Target, secs: number) => () => load(t, { connections, seconds: secs });
  const f = await alternate(ctx, slice(baseline[1], seconds / rounds), slice(subject[1], seconds / rounds), [slice(baseline[1], warmup), slice(subject[1], warmup)]);
  const r = ratio(f.subject, f.baseline);
  return { id, title, subject: { label: subject[0], figures: f.subject }, baseline: { label: baseline[0], figures: f.baseline }, ratio: r, target: goal(r, f.subject), notes: [] };
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

/** Bursts on two sides, in turns (the burst split over the rounds), after a warm-up burst on each. */
function bursts(ctx: Context, baseline: (n: number) => Promise<Sample>, subject: (n: number) => Promise<Sample>) {
  const { burst, rounds, burstConnections } = ctx.settings;
  const slice = Math.ceil(burst / rounds / burstConnections) * burstConnections; // whole rounds of connections
  const warm = burstConnections * 2;
  return alternate(ctx, () => baseline(slice), () => subject(slice), [() => baseline(warm), () => subject(warm)]);
}

export const SCENARIOS: Record<string, (ctx: Context) => Promise<Result[]>> = {
  async 1(ctx) {
    const { big } = ctx.towns;
    const s = ctx.primary;
    return [await pair(ctx, "1", "Town home page (branded, with counters) vs a bare static route",
      [`home page of the ${fmt(big.volunteers)}-volunteer town`, { port: s.port, host: townHost(big, s), path: "/", check: page(`data-tenant="${big.slug}"`, /data-testid="counter-volunteers">\d+</) }],
      ["/bench/static on the apex", { port: s.port, host: `localhost:${s.port}`, path: "/bench/static", check: page('data-bench="static"') }],
      (r, f) => throughputAtLeast(r, 0.5, "town home page ≥ 50% of the bare route's throughput", f))];
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
    ctx.log("3. Volunteer sign-up burst vs raw pg inserts of the same rows");
    const { burstConnections } = ctx.settings;
    const f = await bursts(ctx, (n) => rawBurst(ctx, n), (n) => signupBurst(ctx, ctx.primary, n));
    const r = ratio(f.subject, f.baseline);
    return [{
      id: "3", title: "Volunteer sign-up burst vs raw pg inserts of the same rows",
      subject: { label: `registrations through the server action, ${burstConnections} at a time`, figures: f.subject },
      baseline: { label: `the same rows with plain pg (one statement each), ${burstConnections} at a time`, figures: f.baseline },
      ratio: r, target: throughputAtLeast(r, 0.3, "sign-up ≥ 30% of raw insert throughput, no error", f.subject),
      notes: ["Every registration is checked twice: the action's redirect to /volunteer?saved=1, and one stored profile per successful response."],
    }];
  },

  async 4(ctx) {
    const { largest, smallest } = ctx.towns;
    const runs = ctx.settings.matchingRuns;
    ctx.log("4. Matching query: largest town vs smallest town");
    const [l, sm] = await measureMatching(ctx.db, [largest, smallest], runs);
    return [{
      id: "4", title: "Matching query (rank candidates for a request): largest town vs smallest town",
      subject: { label: `${largest.slug}, ${fmt(largest.volunteers)} volunteers (${l.candidates} candidates returned)`, figures: l },
      baseline: { label: `${smallest.slug}, ${fmt(smallest.volunteers)} volunteers (${sm.candidates} candidates returned)`, figures: sm },
      ratio: ratio(l, sm), target: null,
      notes: [`rankCandidates called directly, one call at a time, the two towns in turns, ${runs} runs each after 5 warm-up runs; throughput is calls per second of one caller.`],
    }];
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
      (r, f) => throughputAtLeast(r, 0.8, "the wall costs ≤ 20% throughput", f));
    ctx.log("5b. Cost of the RLS wall, write: sign-up burst");
    const off = ctx.wallOff;
    const f = await bursts(ctx, (n) => signupBurst(ctx, off, n), (n) => signupBurst(ctx, ctx.primary, n));
    const r = ratio(f.subject, f.baseline);
    const write: Result = {
      id: "5b", title: "Cost of the RLS wall, write: volunteer sign-up burst",
      subject: { label: "wall on", figures: f.subject }, baseline: { label: "wall off", figures: f.baseline },
      ratio: r, target: throughputAtLeast(r, 0.8, "the wall costs ≤ 20% throughput", f.subject), notes: [],
    };
    return [read, write];
  },

  async 6(ctx) {
    const { big } = ctx.towns;
    const s = ctx.primary;
    return [await pair(ctx, "6", "Tenant resolution: the sign-in page on a town's host vs on the apex",
      [`/sign-in on ${big.slug}.localhost`, { port: s.port, host: townHost(big, s), path: "/sign-in", check: page(`data-tenant="${big.slug}"`, 'name="email"') }],
      ["/sign-in on the apex", { port: s.port, host: `localhost:${s.port}`, path: "/sign-in", check: page('name="email"', ">Helpt<") }],
      (r, f) => latencyAtMost(r, 1.1, "tenant resolution adds ≤ 10% latency (p50)", f, ["p50"]))];
  },
};
