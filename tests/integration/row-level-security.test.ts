import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/mutations";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { scopeSignature } from "@/lib/tenancy/scope-signature";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createVolunteer, requestInput } from "./helpers/factories";

// The second wall, checked on its own: raw SQL skips forTenant's filters, so
// whatever it cannot reach is held back by PostgreSQL's row-level security.

async function twoTownsWithRequests() {
  const towns = await Promise.all([createTown(), createTown()]);
  const ids = [];
  for (const t of towns) {
    const { id } = await createRequest({ id: t.tenant.id }, requestInput(t.categories[0].id), { source: "ONLINE", locale: "nl" });
    ids.push(id);
  }
  return { a: towns[0].tenant.id, b: towns[1].tenant.id, requestA: ids[0], requestB: ids[1] };
}

describe("row-level security (read from pg_catalog)", () => {
  it("is enabled and forced, with a policy, on every table that has a tenantId", async () => {
    const rows = await prisma.$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: number }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p')`;
    expect(rows.length).toBeGreaterThanOrEqual(17);
    const unguarded = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unguarded).toEqual([]);
  });

  it("guards each such table with the verified town scope and the helpt_system role only, never a bare setting", async () => {
    const policies = await prisma.$queryRaw<{ table: string; name: string; roles: string[]; using: string; check: string }[]>`
      SELECT p.tablename AS table, p.policyname AS name, p.roles::text[] AS roles, p.qual AS using, p.with_check AS check
        FROM pg_policies p
       WHERE p.schemaname = current_schema()
         AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = p.schemaname AND c.table_name = p.tablename AND c.column_name = 'tenantId')
       ORDER BY 1, 2`;
    const tables = new Set(policies.map((p) => p.table));
    expect(tables.size).toBeGreaterThanOrEqual(17);
    for (const table of tables) {
      const own = policies.filter((p) => p.table === table).map((p) => ({ name: p.name, roles: p.roles, using: p.using, check: p.check }));
      const scope = '("tenantId" = ( SELECT helpt_scope_tenant() AS helpt_scope_tenant))';
      // Platform-wide suppressions (tenantId NULL: hard bounces) are readable in any verified
      // town scope; only the system login (the webhook) records them.
      const tenantWall = table === "EmailSuppression"
        ? { using: `((("tenantId" IS NULL) AND (( SELECT helpt_scope_tenant() AS helpt_scope_tenant) IS NOT NULL)) OR ${scope})`, check: "false" }
        : { using: scope, check: scope };
      expect(own, table).toEqual([
        { name: "system_wall", roles: ["helpt_system"], using: "true", check: "true" },
        { name: "tenant_wall", roles: ["public"], ...tenantWall },
      ]);
    }
  });

  it("lets the application work as a role that owns no table and cannot bypass it", async () => {
    const [role] = await prisma.$queryRaw<{ super: boolean; bypass: boolean; owned: number }[]>`
      SELECT r.rolsuper AS super, r.rolbypassrls AS bypass,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = 'helpt_app'`;
    expect(role).toEqual({ super: false, bypass: false, owned: 0 });
    const [who] = await forTenant("any").$queryRaw<{ user: string }[]>`SELECT current_user AS user`;
    expect(who.user).toBe("helpt_app");
  });
});

describe("row-level security at work", () => {
  it("returns nothing when no town is set", async () => {
    const { requestA } = await twoTownsWithRequests();
    const seen = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL ROLE helpt_app`;
      return tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "HelpRequest" WHERE id = ${requestA}`;
    });
    expect(seen[0].n).toBe(0);
    expect(await systemDb.helpRequest.count({ where: { id: requestA } })).toBe(1);
  });

  it("hides and protects another town's rows from raw SQL that forgets the tenant filter", async () => {
    const { a, b, requestA, requestB } = await twoTownsWithRequests();
    const db = forTenant(a);
    const visible = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "HelpRequest" WHERE id IN (${requestA}, ${requestB})`;
    expect(visible.map((r) => r.id)).toEqual([requestA]);
    expect(await db.$executeRaw`UPDATE "HelpRequest" SET "residentName" = 'x' WHERE id = ${requestB}`).toBe(0);
    expect(await db.$executeRaw`DELETE FROM "RequestNote" WHERE "tenantId" = ${b}`).toBe(0);
    await expect(db.$executeRaw`INSERT INTO "AuditLog" (id, "tenantId", action, "subjectType", "subjectId") VALUES ('rls-probe', ${b}, 'probe', 'Test', 'x')`).rejects.toThrow(/row-level security/);
    const untouched = await systemDb.helpRequest.findFirstOrThrow({ where: { id: requestB } });
    expect(untouched.residentName).not.toBe("x");
  });

  it("keeps a town's setting inside its transaction, never on the pooled connection", async () => {
    const { a } = await twoTownsWithRequests();
    await forTenant(a).helpRequest.count();
    await forTenant(a).$transaction(async (tx) => tx.helpRequest.count());
    const after = await prisma.$queryRaw<{ tenant: string | null; role: string }[]>`SELECT current_setting('helpt.tenant_id', true) AS tenant, current_user AS role`;
    expect(after[0].tenant ?? "").toBe("");
    expect(after[0].role).not.toBe("helpt_app");
  });
});

// The wall against the web login itself: SQL that reaches PostgreSQL as the
// web login (an injection, a mistaken raw query) tries every way to widen its
// scope to town B. Each attack runs in a fresh session of that login, then
// counts what it reaches of B: rows read in every tenant table, rows updated,
// rows inserted. A statement refused by PostgreSQL reaches nothing; the same
// probe with B's real signature (which only the app can make) reaches B, so
// the probe itself cannot pass by failing.
const webUrl = process.env.DATABASE_APP_URL;
if (!webUrl && process.env.CI) throw new Error("CI runs the integration tests with the web login (TEST_DATABASE_APP_URL)");

describe.skipIf(!webUrl)("row-level security against the web login's own SQL", () => {
  let towns: Awaited<ReturnType<typeof twoTownsWithRequests>>;
  let tables: string[];
  let signatureA: string;

  async function session<T>(fn: (c: pg.Client) => Promise<T>, options?: string): Promise<T> {
    const c = new pg.Client({ connectionString: webUrl, options });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  /** Runs one statement; a refusal is an answer (its message), not a failure of the test. */
  async function attempt(c: pg.Client, text: string, values: unknown[] = []): Promise<pg.QueryResult | string> {
    await c.query("SAVEPOINT attempt");
    try {
      const result = await c.query(text, values);
      await c.query("RELEASE SAVEPOINT attempt");
      return result;
    } catch (error) {
      await c.query("ROLLBACK TO SAVEPOINT attempt");
      return (error as Error).message;
    }
  }

  /** What of `town` this session reaches now: rows seen in every tenant table, updated, inserted. */
  async function reach(c: pg.Client, town: string): Promise<number> {
    let reached = 0;
    for (const table of tables) {
      const r = await attempt(c, `SELECT count(*)::int AS n FROM "${table}" WHERE "tenantId" = $1`, [town]);
      if (typeof r !== "string") reached += r.rows[0].n;
    }
    const updated = await attempt(c, `UPDATE "HelpRequest" SET "residentName" = "residentName" WHERE "tenantId" = $1`, [town]);
    if (typeof updated !== "string") reached += updated.rowCount ?? 0;
    const inserted = await attempt(c, `INSERT INTO "AuditLog" (id, "tenantId", action, "subjectType", "subjectId") VALUES ($1, $2, 'probe', 'Test', 'x')`, [`probe-${randomBytes(6).toString("hex")}`, town]);
    if (typeof inserted !== "string") reached += inserted.rowCount ?? 0;
    return reached;
  }

  /** Runs `statements` as the web login in one transaction (rolled back), then probes town B. */
  async function attack(statements: string[], options?: string): Promise<{ reached: number; answers: (string | number)[] }> {
    return session(async (c) => {
      await c.query("BEGIN");
      const answers: (string | number)[] = [];
      for (const text of statements) {
        const r = await attempt(c, text);
        answers.push(typeof r === "string" ? r : (r.rowCount ?? 0));
      }
      const reached = await reach(c, towns.b);
      await c.query("ROLLBACK");
      return { reached, answers };
    }, options);
  }

  const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const forged = (tenant: string, signature: string) =>
    [`SELECT set_config('helpt.tenant_id', ${literal(tenant)}, false)`, `SELECT set_config('helpt.tenant_sig', ${literal(signature)}, false)`];

  beforeAll(async () => {
    towns = await twoTownsWithRequests();
    // Town B gets rows in more tables than requests alone: a volunteer (membership, profile).
    const categories = await systemDb.category.findMany({ where: { tenantId: towns.b }, select: { id: true } });
    await createVolunteer(towns.b, categories.map((c) => c.id));
    tables = (await systemDb.$queryRaw<{ table: string }[]>`
      SELECT c.relname AS table FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
       WHERE c.relkind IN ('r', 'p') ORDER BY 1`).map((r) => r.table);
    // What an injection inside one of town A's queries can see: A's own signature.
    const [seen] = await forTenant(towns.a).$queryRaw<{ sig: string }[]>`SELECT current_setting('helpt.tenant_sig') AS sig`;
    signatureA = seen.sig;
    expect(signatureA).toMatch(/^[0-9a-f]{64}$/);
  });

  it("logs in as a member of helpt_app only: not helpt_system, no superuser, no BYPASSRLS, owns nothing", async () => {
    const [me] = await session(async (c) => (await c.query(`
      SELECT r.rolsuper AS super, r.rolbypassrls AS bypass, r.rolcreaterole AS createrole,
             pg_has_role(current_user, 'helpt_app', 'MEMBER') AS app,
             pg_has_role(current_user, 'helpt_system', 'MEMBER') AS system,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`)).rows);
    expect(me).toEqual({ super: false, bypass: false, createrole: false, app: true, system: false, owned: 0 });
  });

  it("the probe reaches town B with B's real signature, and the system login sees both towns", async () => {
    expect((await attack(forged(towns.b, await scopeSignature(towns.b)))).reached).toBeGreaterThan(0);
    const both = await systemDb.helpRequest.count({ where: { id: { in: [towns.requestA, towns.requestB] } } });
    expect(both).toBe(2);
  });

  const attacks: Record<string, () => string[]> = {
    "SET helpt.system = on (the old hole)": () => ["SET helpt.system = 'on'"],
    "set_config('helpt.system', 'on') for the session": () => ["SELECT set_config('helpt.system', 'on', false)"],
    "SET helpt.tenant_id to B's id": () => [`SET helpt.tenant_id = ${literal(towns.b)}`],
    "SET LOCAL helpt.tenant_id to B's id with A's signature": () => [`SET LOCAL helpt.tenant_id = ${literal(towns.b)}`, `SET LOCAL helpt.tenant_sig = ${literal(signatureA)}`],
    "set_config B's id with A's signature (replay across towns)": () => forged(towns.b, signatureA),
    "A's signature in upper case, B's id": () => forged(towns.b, signatureA.toUpperCase()),
    "B's id signed with guessed keys (AUTH_SECRET, empty, the id itself)": () => [
      ...forged(towns.b, createHmac("sha256", process.env.AUTH_SECRET ?? "").update(towns.b).digest("hex")),
      ...forged(towns.b, createHmac("sha256", "").update(towns.b).digest("hex")),
      ...forged(towns.b, createHmac("sha256", towns.b).update(towns.b).digest("hex")),
    ],
    "SET ROLE helpt_system": () => ["SET ROLE helpt_system"],
    "SET ROLE to the owner": () => ["SET ROLE helpt"],
    "SET SESSION AUTHORIZATION helpt_system": () => ["SET SESSION AUTHORIZATION helpt_system"],
    "set_config('role', 'helpt_system')": () => ["SELECT set_config('role', 'helpt_system', false)"],
    "RESET ROLE, RESET ALL, RESET the settings inside A's scope": () => [...forged(towns.a, signatureA), "RESET ROLE", `RESET helpt.tenant_sig`, "RESET ALL", `SET helpt.tenant_id = ${literal(towns.b)}`],
    "SET row_security = off": () => ["SET row_security = off"],
    "read the key, rotate it, call the key function": () => ["SELECT key, inner_pad, outer_pad FROM helpt_private.scope_key", "SELECT helpt_private.rotate_scope_key()", "SET search_path = helpt_private, public"],
    "call helpt_scope_tenant() with a forged scope": () => [...forged(towns.b, signatureA), "SELECT public.helpt_scope_tenant()"],
    "replace helpt_scope_tenant()": () => [`CREATE OR REPLACE FUNCTION public.helpt_scope_tenant() RETURNS text LANGUAGE sql AS $$ SELECT ${literal(towns.b)} $$`],
    "create functions in public and shadow functions, types and tables in pg_temp": () => [
      "CREATE FUNCTION public.helpt_probe() RETURNS int LANGUAGE sql AS 'SELECT 1'",
      `CREATE FUNCTION pg_temp.helpt_scope_tenant() RETURNS text LANGUAGE sql AS $$ SELECT ${literal(towns.b)} $$`,
      `CREATE TEMP TABLE scope_key AS SELECT true AS one, '\\x00'::bytea AS key, '\\x00'::bytea AS inner_pad, '\\x00'::bytea AS outer_pad`,
      "CREATE TYPE pg_temp.text AS ENUM ('x')",
      `CREATE FUNCTION pg_temp.sha256(bytea) RETURNS bytea LANGUAGE sql AS $$ SELECT '\\x00'::bytea $$`,
      "SET search_path = pg_temp, public, pg_catalog",
      ...forged(towns.b, "00"), // what the shadow sha256 would make the check expect
    ],
    "disable, drop or alter the policies": () => [
      `ALTER TABLE "HelpRequest" DISABLE ROW LEVEL SECURITY`, `ALTER TABLE "HelpRequest" NO FORCE ROW LEVEL SECURITY`,
      `DROP POLICY tenant_wall ON "HelpRequest"`, `ALTER POLICY tenant_wall ON "HelpRequest" USING (true)`,
      `CREATE POLICY probe ON "HelpRequest" USING (true)`,
    ],
    "grant itself helpt_system, BYPASSRLS, a copy of the table": () => [
      "GRANT helpt_system TO helpt_web", "ALTER ROLE helpt_web BYPASSRLS", `CREATE TABLE public.probe AS SELECT * FROM "HelpRequest"`,
    ],
    "read the setting of other sessions (pg_settings, pg_stat_activity) and use what they show": () => [
      "SELECT set_config('helpt.tenant_sig', coalesce((SELECT max(substring(query from '[0-9a-f]{64}')) FROM pg_stat_activity), ''), false)",
      "SELECT set_config('helpt.tenant_sig', coalesce((SELECT max(setting) FROM pg_settings WHERE name = 'helpt.tenant_sig'), ''), false)",
      `SET helpt.tenant_id = ${literal(towns.b)}`,
    ],
  };

  for (const [name, statements] of Object.entries(attacks)) {
    it(`reaches nothing of town B: ${name}`, async () => {
      expect((await attack(statements())).reached).toBe(0);
    });
  }

  it("reaches nothing of town B with settings given at connection time", async () => {
    const options = `-c helpt.system=on -c helpt.tenant_id=${towns.b} -c helpt.tenant_sig=${signatureA}`;
    expect((await attack([], options)).reached).toBe(0);
  });

  it("reaches nothing of town B with per-role defaults it sets for itself (ALTER ROLE … SET)", async () => {
    const defaults = [`helpt.tenant_id = ${literal(towns.b)}`, `helpt.tenant_sig = ${literal(signatureA)}`, "helpt.system = 'on'"];
    try {
      await session(async (c) => {
        for (const d of defaults) await c.query(`ALTER ROLE CURRENT_USER SET ${d}`).catch(() => {});
      });
      expect((await attack([])).reached).toBe(0);
    } finally {
      await session((c) => c.query("ALTER ROLE CURRENT_USER RESET ALL"));
    }
  });

  it("reaches nothing of town B with any forged signature (generated: random, A's, B's under random keys, near misses)", async () => {
    const signatureB = await scopeSignature(towns.b);
    const flip = (hex: string, i: number) => hex.slice(0, i) + ((parseInt(hex[i], 16) + 1) % 16).toString(16) + hex.slice(i + 1);
    const candidates = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.string({ maxLength: 80 }).filter((s) => !s.includes("\0")),
      fc.constant(signatureA),
      fc.uint8Array({ minLength: 0, maxLength: 64 }).map((key) => createHmac("sha256", key).update(towns.b).digest("hex")),
      fc.integer({ min: 0, max: 63 }).map((i) => flip(signatureB, i)),
      fc.constantFrom(signatureB.toUpperCase(), ` ${signatureB}`, `${signatureB} `, signatureB.slice(1)),
    );
    const ids = fc.constantFrom(towns.b, ` ${towns.b}`, towns.b.toUpperCase());
    await session(async (c) => {
      await fc.assert(fc.asyncProperty(ids, candidates, async (id, signature) => {
        await c.query("BEGIN");
        try {
          await c.query("SELECT set_config('helpt.tenant_id', $1, true), set_config('helpt.tenant_sig', $2, true)", [id, signature]);
          const [{ scope }] = (await c.query("SELECT helpt_scope_tenant() AS scope")).rows;
          expect(scope).toBeNull();
          expect(await reach(c, towns.b)).toBe(0);
        } finally {
          await c.query("ROLLBACK");
        }
      }), { numRuns: 60 });
    });
  });

  it("never shows a signature to other sessions of the same login (bound parameter, not query text)", async () => {
    const signatureB = await scopeSignature(towns.b);
    // Inside B's transaction, whose last statement was the one that set the scope.
    await forTenant(towns.b).$transaction(async () => {
      const texts = await session(async (c) => (await c.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE usename = current_user")).rows);
      expect(texts.some((t) => t.query.includes("helpt.tenant_sig"))).toBe(true); // it does see the other session
      expect(texts.filter((t) => t.query.includes(signatureB))).toEqual([]);
    });
  });

  it("keeps the key out of the function's source (pg_proc) and out of the web login's reach", async () => {
    const [{ key }] = await systemDb.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM helpt_private.scope_key`;
    const hex = Buffer.from(key).toString("hex");
    const sources = await session(async (c) => (await c.query<{ src: string }>("SELECT prosrc AS src FROM pg_proc WHERE proname IN ('helpt_scope_tenant', 'rotate_scope_key')")).rows);
    expect(sources.length).toBe(2);
    for (const { src } of sources) expect(src).not.toContain(hex);
    const refused = await session(async (c) => c.query("SELECT key FROM helpt_private.scope_key").then(() => "read", (e: Error) => e.message));
    expect(refused).toMatch(/permission denied/);
  });

  it("checks a signature the way Node does, for any town id (generated)", async () => {
    await session(async (c) => {
      await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => !s.includes("\0")), async (id) => {
        await c.query("BEGIN");
        try {
          await c.query("SELECT set_config('helpt.tenant_id', $1, true), set_config('helpt.tenant_sig', $2, true)", [id, await scopeSignature(id)]);
          expect((await c.query("SELECT helpt_scope_tenant() AS scope")).rows[0].scope).toBe(id);
        } finally {
          await c.query("ROLLBACK");
        }
      }), { numRuns: 40 });
    });
  });

  it("evaluates the scope once per statement (an InitPlan), not once per row", async () => {
    const plan = await forTenant(towns.a).$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM "Category"`);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/InitPlan/);
    expect(text).toMatch(/Result \(actual rows=1 loops=1\)/);
  });
});
