// `DATABASE_URL=<superuser of a migrated database> npx tsx scripts/bench/wall-cost.ts`:
// the second wall's own cost, without HTTP or Next.js around it. Alternating
// rounds in one process: forTenant() reads and writes as the web login with the
// signed scope (wall on), then the same through a login that bypasses RLS with
// HELPT_SECOND_WALL=off (wall off). Then the policy alone: one SQL statement
// repeated inside one scoped transaction, as the web login against the superuser.
// Options: --ops (per round and side, default 2000), --rounds (6), --concurrency (8).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { systemPrisma } from "../../lib/db/client";
import { forTenant } from "../../lib/tenancy/for-tenant";
import { scopeSignature } from "../../lib/tenancy/scope-signature";
import { wall } from "./wall";

const { values } = parseArgs({ options: { ops: { type: "string", default: "2000" }, rounds: { type: "string", default: "6" }, concurrency: { type: "string", default: "8" } } });
const OPS = Number(values.ops);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const ownerUrl = process.env.DATABASE_URL;
if (!ownerUrl) throw new Error("DATABASE_URL (a superuser or BYPASSRLS login of a migrated database) is required");

const db = new pg.Client({ connectionString: ownerUrl });
await db.connect();
const sides = await wall(db, ownerUrl);
if ("missing" in sides || !sides.off) throw new Error(`cannot compare: ${"missing" in sides ? sides.missing : sides.offMissing}`);
delete process.env.DATABASE_SYSTEM_URL; // the key and the seed through DATABASE_URL

// Two towns of 500 requests each; the measured one is town A.
const town = async () => {
  const t = await systemPrisma.tenant.create({ data: { slug: `wall-${randomBytes(4).toString("hex")}`, name: "Wall bench", phone: "016", locales: ["nl"], defaultLocale: "nl" } });
  const c = await systemPrisma.category.create({ data: { tenantId: t.id, key: "groceries", position: 0, labels: { nl: "Boodschappen" } } });
  await systemPrisma.helpRequest.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ tenantId: t.id, categoryId: c.id, reference: `W-${i}`, status: i % 3 ? "OPEN" : "NEW", description: "Boodschappen" })) });
  return t.id;
};
const [a] = [await town(), await town()];
const ids = (await systemPrisma.helpRequest.findMany({ where: { tenantId: a }, select: { id: true } })).map((r) => r.id);

/** One side of a round: OPS operations (3 reads of 20 open requests to 1 update) from CONCURRENCY callers. */
async function round(env: Record<string, string>): Promise<number> {
  Object.assign(process.env, { HELPT_SECOND_WALL: "on", ...env });
  const tenantDb = forTenant(a); // bound to the pool process.env names now
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < OPS) {
      const i = next++;
      if (i % 4 === 3) await tenantDb.helpRequest.updateMany({ where: { id: ids[i % ids.length] }, data: { publicSummary: `s${i}` } });
      else if ((await tenantDb.helpRequest.findMany({ where: { status: "OPEN" }, take: 20, orderBy: { createdAt: "desc" } })).length !== 20) throw new Error("wrong rows");
    }
  }));
  return OPS / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const on: number[] = [];
const off: number[] = [];
await round(sides.on);
await round(sides.off); // warm-up: pools, plans, the key
for (let r = 0; r < ROUNDS; r++) {
  // Alternate which side goes first, so neither always follows the other.
  if (r % 2) { off.push(await round(sides.off)); on.push(await round(sides.on)); }
  else { on.push(await round(sides.on)); off.push(await round(sides.off)); }
}
console.log(`forTenant, ${OPS} ops × ${ROUNDS} rounds per side, ${CONCURRENCY} concurrent (3 reads : 1 write):`);
console.log(`  wall on  ${median(on).toFixed(0)} ops/s (rounds: ${on.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`  wall off ${median(off).toFixed(0)} ops/s (rounds: ${off.map((x) => x.toFixed(0)).join(", ")})`);
console.log(`  on/off   ${(median(on) / median(off)).toFixed(3)}`);

/** The policy alone: one statement N times in one transaction, scoped as the web login or as the superuser. */
async function statements(url: string, scoped: boolean, n = 5000): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("BEGIN");
  if (scoped) await c.query("SELECT set_config('helpt.tenant_id', $1, true), set_config('helpt.tenant_sig', $2, true)", [a, await scopeSignature(a)]);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const { rows } = await c.query(`SELECT id FROM "HelpRequest" WHERE "tenantId" = $1 AND status = 'OPEN' ORDER BY "createdAt" DESC LIMIT 20`, [a]);
    if (rows.length !== 20) throw new Error("wrong rows");
  }
  const perSecond = n / ((performance.now() - started) / 1000);
  await c.query("ROLLBACK");
  await c.end();
  return perSecond;
}
const sqlOn: number[] = [];
const sqlOff: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  sqlOn.push(await statements(sides.on.DATABASE_APP_URL, true));
  sqlOff.push(await statements(ownerUrl, false));
}
console.log(`one SELECT repeated in a transaction (the policy's cost per statement):`);
console.log(`  web login, signed scope ${median(sqlOn).toFixed(0)}/s; superuser, no policy ${median(sqlOff).toFixed(0)}/s; on/off ${(median(sqlOn) / median(sqlOff)).toFixed(3)}`);

// The check alone, server side: 20,000 calls in one statement, against reading the bare setting.
async function perCall(url: string, expression: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("SELECT set_config('helpt.tenant_id', $1, false), set_config('helpt.tenant_sig', $2, false)", [a, await scopeSignature(a)]);
  await c.query(`SELECT count(${expression}) FROM generate_series(1, 1000)`);
  const started = performance.now();
  const { rows } = await c.query(`SELECT count(${expression})::int AS n FROM generate_series(1, 20000)`);
  const micros = ((performance.now() - started) * 1000) / 20000;
  if (rows[0].n !== 20000) throw new Error("the scope did not verify");
  await c.end();
  return micros;
}
const check: number[] = [];
const bare: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  check.push(await perCall(sides.on.DATABASE_APP_URL, "helpt_scope_tenant()"));
  bare.push(await perCall(sides.on.DATABASE_APP_URL, "current_setting('helpt.tenant_id', true)"));
}
console.log(`the check per call: helpt_scope_tenant() ${median(check).toFixed(1)} µs; a bare current_setting() ${median(bare).toFixed(1)} µs (once per statement, an InitPlan)`);

await db.end();
process.exit(0);
