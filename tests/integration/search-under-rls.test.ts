import fc from "fast-check";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { containsPattern, searchedIds } from "@/lib/lists/search";
import { queueMatching } from "@/lib/requests/queries";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { volunteerMatching } from "@/lib/volunteers/admin";
import { createTown } from "./helpers/factories";

// The lists' free-text search reads each list's trigram index through a
// SECURITY DEFINER function (migration 20261205100000), because under the web
// login's row-level security an ILIKE in the list's own SQL never reaches the
// index. Checked here: the same answers as that ILIKE, nothing outside the
// transaction's own town, and the index really used under the app login.

type Town = Awaited<ReturnType<typeof createTown>>;
let serial = 0;
const uid = (p: string) => `${p}${(serial++).toString(36).padStart(5, "0")}${Math.random().toString(36).slice(2, 6)}`;

// Wildcards and the escape character among ordinary letters, with case and an accent.
const CHARS = ["a", "A", "b", "é", "É", "%", "_", "\\", " ", "x"];
const text = (min: number, max: number) => fc.array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max }).map((cs) => cs.join(""));

/** `n` volunteers, requests and audit entries of a town, their searched text made by `name(i)`. */
async function fill(t: Town, n: number, name: (i: number) => string) {
  const ids = Array.from({ length: n }, () => uid("s"));
  await systemDb.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@example.be` })) });
  await systemDb.membership.createMany({ data: ids.map((id) => ({ tenantId: t.tenant.id, id, userId: id, role: "VOLUNTEER" as const })) });
  await systemDb.volunteerProfile.createMany({
    data: ids.map((id, i) => ({
      tenantId: t.tenant.id, id, membershipId: id, userId: id, name: name(i), phone: `+3247${String(i).padStart(7, "0")}`, postcode: "3000",
      status: "ACTIVE" as const, categoryIds: [t.categories[0].id], codeOfConductAt: new Date(),
    })),
  });
  await systemDb.helpRequest.createMany({
    data: ids.map((id, i) => ({
      tenantId: t.tenant.id, id, reference: `R${id.slice(-9).toUpperCase()}`, categoryId: t.categories[0].id, status: "NEW" as const,
      neighbourhood: "Centrum", postcode: "3000", publicSummary: name(i),
    })),
  });
  await systemDb.auditLog.createMany({ data: ids.map((id, i) => ({ tenantId: t.tenant.id, id, action: "probe.search", subjectType: "Probe", subjectId: name(i) })) });
}

/** Before: the ILIKE over each list's searched text, as the lists wrote it (here through the system login, which sees every town). */
const BEFORE = {
  volunteers: (tenantId: string, pattern: string) => Prisma.sql`SELECT id FROM "VolunteerProfile" WHERE "tenantId" = ${tenantId}
    AND (name || ' ' || postcode || ' ' || phone) ILIKE ${pattern}`,
  requests: (tenantId: string, pattern: string) => Prisma.sql`SELECT id FROM "HelpRequest" WHERE "tenantId" = ${tenantId}
    AND (reference || ' ' || neighbourhood || ' ' || postcode || ' ' || "publicSummary") ILIKE ${pattern}`,
  audit: (tenantId: string, pattern: string) => Prisma.sql`SELECT id FROM "AuditLog" WHERE "tenantId" = ${tenantId}
    AND (action || chr(1) || "subjectType" || chr(1) || "subjectId") ILIKE ${pattern}`,
};

/** After: what each list selects for `q`, read under the app login in the town's scope. */
const AFTER = {
  volunteers: (tenantId: string, q: string) => Prisma.sql`SELECT v.id ${volunteerMatching(tenantId, { q })}`,
  requests: (tenantId: string, q: string) => Prisma.sql`SELECT r.id ${queueMatching(tenantId, { q })}`,
  audit: (tenantId: string, q: string) => Prisma.sql`SELECT a.id FROM "AuditLog" a WHERE a."tenantId" = ${tenantId} AND ${searchedIds("audit", Prisma.sql`a.id`, tenantId, q)}`,
};
const LISTS = Object.keys(AFTER) as (keyof typeof AFTER)[];

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("list search under row-level security", () => {
  let names: string[];
  let a: Town;
  let b: Town;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTown(), createTown()]);
    names = fc.sample(text(1, 10), { numRuns: 60, seed: 19 });
    await fill(a, names.length, (i) => names[i]);
    await fill(b, names.length, (i) => names[i]);
  });

  it("finds what the ILIKE over the searched text found, wildcards and backslashes taken literally (generated)", async () => {
    const part = fc.constantFrom(...names).chain((n) => fc.tuple(fc.nat(n.length), fc.nat(n.length)).map(([i, j]) => n.slice(Math.min(i, j), Math.max(i, j)))).filter((s) => s !== "");
    await fc.assert(fc.asyncProperty(fc.oneof(part, text(1, 4)), fc.constantFrom(...LISTS), async (q, list) => {
      const before = ids(await systemDb.$queryRaw<{ id: string }[]>(BEFORE[list](a.tenant.id, containsPattern(q))));
      const after = ids(await forTenant(a.tenant.id).$queryRaw<{ id: string }[]>(AFTER[list](a.tenant.id, q)));
      expect(after).toEqual(before);
    }), { numRuns: 120 });
    // Not vacuous: most searches found something.
    expect(ids(await forTenant(a.tenant.id).$queryRaw<{ id: string }[]>(AFTER.volunteers(a.tenant.id, names[0]))).length).toBeGreaterThan(0);
  });

  it("answers nothing for another town's id, without a scope, or with a forged one", async () => {
    const pattern = containsPattern(names[0]);
    for (const fn of ["helpt_search_volunteers", "helpt_search_requests", "helpt_search_audit"]) {
      const call = Prisma.sql`SELECT ${Prisma.raw(`public.${fn}`)}(${b.tenant.id}, ${pattern}) AS id`;
      // Town B has matches, which its own scope finds.
      expect((await forTenant(b.tenant.id).$queryRaw<{ id: string }[]>(call)).length, fn).toBeGreaterThan(0);
      // In town A's scope, B's id gives nothing.
      expect(await forTenant(a.tenant.id).$queryRaw(call), fn).toEqual([]);
      // The app's role with no scope, or B's id without its signature.
      for (const settings of [[], [Prisma.sql`SELECT set_config('helpt.tenant_id', ${b.tenant.id}, true), set_config('helpt.tenant_sig', ${"0".repeat(64)}, true)`]]) {
        const seen = await prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL ROLE helpt_app`;
          for (const s of settings) await tx.$queryRaw(s);
          return tx.$queryRaw(call);
        });
        expect(seen, fn).toEqual([]);
      }
    }
  });

  it("is not callable by PUBLIC, and runs as its owner with a fixed search_path", async () => {
    const rows = await prisma.$queryRaw<{ name: string; definer: boolean; config: string[] | null; acl: string }[]>`
      SELECT p.proname AS name, p.prosecdef AS definer, p.proconfig AS config, p.proacl::text AS acl
        FROM pg_proc p WHERE p.proname IN ('helpt_search_volunteers', 'helpt_search_requests', 'helpt_search_audit') ORDER BY 1`;
    expect(rows.map((r) => r.name)).toEqual(["helpt_search_audit", "helpt_search_requests", "helpt_search_volunteers"]);
    for (const r of rows) {
      expect(r.definer).toBe(true);
      expect(r.config).toEqual(["search_path=pg_catalog, pg_temp"]);
      expect(r.acl).toContain("helpt_app=X/");
      expect(r.acl).not.toMatch(/[{,]=X\//); // no grant to PUBLIC
    }
  });
});

describe("list search plans under the app login", () => {
  const INDEXES = { volunteers: "VolunteerProfile_search_trgm_idx", requests: "HelpRequest_search_trgm_idx", audit: "AuditLog_search_trgm_idx" } as const;
  const N = 1000;
  // A word of one row: what a search for a name or a reference is like.
  const token = (i: number) => `x${(i * 7919 + 12345).toString(36)}z`;
  let c: Town;
  beforeAll(async () => {
    c = await createTown();
    await fill(c, N, (i) => `${["Peeters", "Janssens", "Maes", "Jacobs"][i % 4]} ${token(i)}`);
    const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    try {
      // Ten times as many requests and entries (copies under new ids): below that, reading the
      // town's rows through a B-tree is cheaper than any text index, and is rightly chosen.
      for (const table of ["HelpRequest", "AuditLog"]) {
        const renamed = table === "HelpRequest" ? "'id', r.id || g, 'reference', r.reference || g" : "'id', r.id || g";
        await owner.query(`INSERT INTO "${table}" SELECT (jsonb_populate_record(r, jsonb_build_object(${renamed}))).*
          FROM "${table}" r, generate_series(1, 9) g WHERE r."tenantId" = $1`, [c.tenant.id]);
      }
      // Statistics for the planner and the trigram indexes' pending entries merged, as autovacuum
      // would do (the owner's to run): a long pending list prices a GIN index out.
      await owner.query('VACUUM ANALYZE "VolunteerProfile", "HelpRequest", "AuditLog"');
    } finally {
      await owner.end();
    }
  }, 180_000);

  /**
   * The statement's plan, and how often it scanned each trigram index (the
   * backend's counters, not yet flushed within a transaction: read before and
   * after), in the town's scope. A test's tables are small enough to read
   * whole, so sequential scans are priced out, as they would be in a town of
   * 100,000: what is left is whether an index is usable.
   */
  const explain = (statement: Prisma.Sql) =>
    forTenant(c.tenant.id).$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const scans = async () => (await tx.$queryRaw<Record<keyof typeof INDEXES, number>[]>`
        SELECT pg_stat_get_xact_numscans(${`"${INDEXES.volunteers}"`}::regclass)::int AS volunteers,
               pg_stat_get_xact_numscans(${`"${INDEXES.requests}"`}::regclass)::int AS requests,
               pg_stat_get_xact_numscans(${`"${INDEXES.audit}"`}::regclass)::int AS audit`)[0];
      const before = await scans();
      const plan = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${statement}`);
      const after = await scans();
      const [{ user }] = await tx.$queryRaw<{ user: string }[]>`SELECT current_user AS user`;
      const used = Object.fromEntries(LISTS.map((l) => [l, after[l] - before[l]])) as Record<keyof typeof INDEXES, number>;
      return { plan: plan.map((r) => r["QUERY PLAN"]).join("\n"), scans: used, user };
    });

  for (const list of LISTS) {
    it(`searches the ${list} by its trigram index (${INDEXES[list]})`, async () => {
      const found = await explain(AFTER[list](c.tenant.id, token(71)));
      expect(found.user).toBe("helpt_app");
      expect(found.plan).toContain(`helpt_search_${list}`);
      expect(found.plan).not.toContain("~~*"); // no ILIKE left in the list's own statement
      expect(found.scans[list]).toBeGreaterThan(0);
      // What the list did before, under the same login: the policy keeps ILIKE away from the index.
      const before = await explain(Prisma.sql`${BEFORE[list](c.tenant.id, containsPattern(token(71)))}`);
      // (The audit log's index leads with the town's id, which it may still be read by.)
      expect(before.plan).toMatch(/Filter: .*~~\*/);
      expect(before.plan).not.toMatch(/Cond: .*~~\*/);
    });
  }
});
