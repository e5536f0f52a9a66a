// Scenario 4: the matching query (rankCandidates: SQL prefilter + score)
// called directly, as the coordinator's request page does, one call at a time;
// and its SQL alone, replayed as PostgreSQL received it.
import pg from "pg";
import { rankCandidates } from "../../lib/matching/candidates";
import type { Town } from "./fixtures";
import { fail, figures, type Figures, type Sample } from "./stats";

const WARM_UP = 5;

type Statement = { text: string; values: unknown[] };

/** The statement that ranks the candidates (the longest rankCandidates sends), caught on its way to PostgreSQL. */
async function matchingStatement(town: Town, requestId: string): Promise<Statement> {
  const sent: Statement[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    sent.push(typeof config === "string" ? { text: config, values: values ?? [] } : { text: config.text, values: config.values ?? values ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await rankCandidates(town, requestId);
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent.reduce((a, b) => (b.text.length > a.text.length ? b : a));
}

/** An open request with coordinates in the town (the first by id, so every run ranks the same one). */
export async function openRequest(db: pg.Client, town: Town): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM "HelpRequest" WHERE "tenantId" = $1 AND status = 'OPEN' AND latitude IS NOT NULL ORDER BY id LIMIT 1`, [town.id]);
  if (!rows[0]) throw new Error(`Town ${town.slug} has no open request to match.`);
  return rows[0].id;
}

/**
 * Ranks the candidates for one request per town, `runs` times, the towns
 * taking turns (so a busy moment on the machine hits both); a result without
 * candidates is an error.
 */
/**
 * The matching SQL alone, as rankCandidates sends it, replayed `runs` times
 * per town on one connection of the owner (no HTTP, no Prisma, no scoring;
 * the owner passes row-level security, so this is the query's own cost), the
 * towns taking turns.
 */
export async function measureMatchingSql(db: pg.Client, towns: Town[], runs: number): Promise<(Figures & { rows: number })[]> {
  const requests = await Promise.all(towns.map((t) => openRequest(db, t)));
  const statements = await Promise.all(towns.map((t, k) => matchingStatement(t, requests[k])));
  const samples = towns.map((): Sample => ({ ok: 0, seconds: 0, latencies: [], failures: new Map() }));
  const rows = towns.map(() => 0);
  for (let i = 0; i < WARM_UP; i++) for (const s of statements) await db.query(s.text, s.values);
  for (let i = 0; i < runs; i++) {
    for (const [k, s] of statements.entries()) {
      const t0 = performance.now();
      const result = await db.query(s.text, s.values);
      const ms = performance.now() - t0;
      samples[k].latencies.push(ms);
      samples[k].seconds += ms / 1000;
      rows[k] = result.rowCount ?? 0;
      if (rows[k] > 0) samples[k].ok++;
      else fail(samples[k], "no rows returned");
    }
  }
  return samples.map((s, k) => ({ ...figures(s), rows: rows[k] }));
}

export async function measureMatching(db: pg.Client, towns: Town[], runs: number): Promise<(Figures & { candidates: number })[]> {
  const requests = await Promise.all(towns.map((t) => openRequest(db, t)));
  const samples = towns.map((): Sample => ({ ok: 0, seconds: 0, latencies: [], failures: new Map() }));
  const candidates = towns.map(() => 0);
  for (let i = 0; i < WARM_UP; i++) for (const [k, t] of towns.entries()) await rankCandidates(t, requests[k]);
  for (let i = 0; i < runs; i++) {
    for (const [k, t] of towns.entries()) {
      const t0 = performance.now();
      const result = await rankCandidates(t, requests[k]);
      const ms = performance.now() - t0;
      samples[k].latencies.push(ms);
      samples[k].seconds += ms / 1000;
      candidates[k] = result.length;
      if (result.length > 0) samples[k].ok++;
      else fail(samples[k], "no candidates returned");
    }
  }
  return samples.map((s, k) => ({ ...figures(s), candidates: candidates[k] }));
}
