// Scenario 4: the matching query (rankCandidates: SQL prefilter + score)
// called directly, as the coordinator's request page does, one call at a time.
import type pg from "pg";
import { rankCandidates } from "../../lib/matching/candidates";
import type { Town } from "./fixtures";
import { figures, type Figures } from "./stats";

const WARM_UP = 5;

/** An open request with coordinates in the town (the first by id, so every run ranks the same one). */
async function openRequest(db: pg.Client, town: Town): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM "HelpRequest" WHERE "tenantId" = $1 AND status = 'OPEN' AND latitude IS NOT NULL ORDER BY id LIMIT 1`, [town.id]);
  if (!rows[0]) throw new Error(`Town ${town.slug} has no open request to match.`);
  return rows[0].id;
}

/** Ranks the candidates for one request `iterations` times; a result without candidates is an error. */
export async function measureMatching(db: pg.Client, town: Town, iterations: number): Promise<Figures & { candidates: number }> {
  const requestId = await openRequest(db, town);
  for (let i = 0; i < WARM_UP; i++) await rankCandidates(town, requestId);
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let ok = 0;
  let candidates = 0;
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const result = await rankCandidates(town, requestId);
    latencies.push(performance.now() - t0);
    candidates = result.length;
    if (candidates > 0) ok++;
    else failures.set("no candidates returned", (failures.get("no candidates returned") ?? 0) + 1);
  }
  return { ...figures({ ok, seconds: (performance.now() - started) / 1000, latencies, failures }), candidates };
}
