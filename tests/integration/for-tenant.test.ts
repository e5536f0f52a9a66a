import fc from "fast-check";
import type { Pool, PoolClient } from "pg";
import { describe, expect, it } from "vitest";
import { databasePool, prisma } from "@/lib/db/client";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { saveVolunteerProfile } from "@/lib/volunteers/profile";
import { createTown, createUser } from "./helpers/factories";
import { statementsOf } from "./helpers/statements";

describe("forTenant: the one entry point for tenant-owned data", () => {
  it("reads only the town's own rows", async () => {
    const a = await createTown();
    const b = await createTown();
    const rows = await forTenant(a.tenant.id).category.findMany();
    expect(rows.map((r) => r.id).sort()).toEqual(a.categories.map((c) => c.id).sort());
    expect(await forTenant(a.tenant.id).category.count()).toBe(2);
    expect(rows.some((r) => r.tenantId === b.tenant.id)).toBe(false);
  });

  it("cannot find, update or delete another town's row by its id", async () => {
    const a = await createTown();
    const b = await createTown();
    const target = b.categories[0];
    const dbA = forTenant(a.tenant.id);
    expect(await dbA.category.findFirst({ where: { id: target.id } })).toBeNull();
    expect(await dbA.category.findUnique({ where: { tenantId_id: { tenantId: b.tenant.id, id: target.id } } })).toBeNull();
    expect((await dbA.category.updateMany({ where: { id: target.id }, data: { position: 99 } })).count).toBe(0);
    expect((await dbA.category.deleteMany({ where: { id: target.id } })).count).toBe(0);
    const still = await forTenant(b.tenant.id).category.findFirst({ where: { id: target.id } });
    expect(still?.position).toBe(target.position);
  });

  it("stamps the town on writes and refuses rows for another town", async () => {
    const a = await createTown();
    const b = await createTown();
    const dbA = forTenant(a.tenant.id);
    const created = await dbA.category.create({ data: { tenantId: a.tenant.id, key: "transport", labels: { en: "Transport" } } });
    expect(created.tenantId).toBe(a.tenant.id);
    await expect(
      dbA.category.create({ data: { tenantId: b.tenant.id, key: "sneaky", labels: {} } }),
    ).rejects.toThrow(/another tenant/);
    expect(await forTenant(b.tenant.id).category.count({ where: { key: "sneaky" } })).toBe(0);
  });

  it("rejects a missing tenant id", () => {
    expect(() => forTenant("")).toThrow(/tenantId is required/);
  });
});

// The second wall's scope travels with a transaction, never with a pooled
// connection; reads of one town asked for together share one transaction.
describe("forTenant: one transaction for a town's concurrent reads, no scope left on a connection", () => {
  /** How many times the app's pool hands out a connection (one per transaction or lone query) while `fn` runs. */
  async function checkouts(fn: () => Promise<unknown>): Promise<number> {
    await prisma.$queryRaw`SELECT 1`; // the pool exists
    const pool = databasePool() as Pool;
    let n = 0;
    const count = () => void n++;
    pool.on("acquire", count);
    try {
      await fn();
    } finally {
      pool.off("acquire", count);
    }
    return n;
  }

  it("runs concurrent reads of one town in one transaction, and a write in its own", async () => {
    const a = await createTown();
    const db = forTenant(a.tenant.id);
    const reads = () => Promise.all([db.category.count(), db.helpRequest.count(), db.category.findMany(), db.volunteerProfile.count()]);
    expect(await checkouts(reads)).toBe(1);
    expect((await reads())[0]).toBe(2);
    // Separate forTenant() clients of the same town join too (the layout's and the page's reads).
    expect(await checkouts(() => Promise.all([forTenant(a.tenant.id).category.count(), forTenant(a.tenant.id).area.count()]))).toBe(1);
    expect(await checkouts(() => Promise.all([db.category.count(), db.category.updateMany({ where: { key: "none" }, data: { position: 1 } })]))).toBe(2);
  });

  it("registers a volunteer in one transaction: checks, coordinates and both writes under one scope", async () => {
    const a = await createTown();
    await systemDb.area.create({ data: { tenantId: a.tenant.id, name: "Centrum", postcode: "3000", latitude: 50.88, longitude: 4.7 } });
    const input = { name: "Vera", phone: "+32470111222", postcode: "3000", maxDistanceKm: 5, categoryIds: [a.categories[0].id], languages: ["nl" as const], availability: [], skills: [], codeOfConduct: "on" as const };
    const user = await createUser("vol");
    let profile: Awaited<ReturnType<typeof saveVolunteerProfile>> | undefined;
    expect(await checkouts(async () => (profile = await saveVolunteerProfile(a.tenant, user.id, input)))).toBe(1);
    expect(profile).toMatchObject({ latitude: 50.88, longitude: 4.7, categoryIds: [a.categories[0].id] });
    // A category of another town is refused, and nothing is written.
    const b = await createTown();
    const other = await createUser("vol");
    await expect(saveVolunteerProfile(a.tenant, other.id, { ...input, categoryIds: [b.categories[0].id] })).rejects.toThrow();
    expect(await forTenant(a.tenant.id).membership.count({ where: { userId: other.id } })).toBe(0);
  });

  it("registers or updates a volunteer with one statement in the town's scope", async () => {
    const a = await createTown();
    await systemDb.area.create({ data: { tenantId: a.tenant.id, name: "Centrum", postcode: "3000", latitude: 50.88, longitude: 4.7 } });
    const input = { name: "Vera", phone: "+32470111222", postcode: "3000", maxDistanceKm: 5, categoryIds: [a.categories[1].id, a.categories[0].id], languages: ["nl" as const], availability: [], skills: [], codeOfConduct: "on" as const };
    const user = await createUser("vol");
    const data = (sql: string[]) => sql.filter((s) => !/^\s*(BEGIN|COMMIT)\b/.test(s) && !s.includes("set_config("));
    const created = await statementsOf(() => saveVolunteerProfile(a.tenant, user.id, input));
    expect(data(created)).toHaveLength(1);
    const first = await forTenant(a.tenant.id).volunteerProfile.findFirstOrThrow({ where: { userId: user.id } });
    const updated = await statementsOf(() => saveVolunteerProfile(a.tenant, user.id, { ...input, postcode: "9999", categoryIds: [a.categories[0].id] }));
    expect(data(updated)).toHaveLength(1);
    const second = await forTenant(a.tenant.id).volunteerProfile.findFirstOrThrow({ where: { userId: user.id } });
    // The same profile and membership; the consent's date kept; the postcode without a known area has no coordinates.
    expect(second).toMatchObject({ id: first.id, membershipId: first.membershipId, codeOfConductAt: first.codeOfConductAt, postcode: "9999", latitude: null, longitude: null, categoryIds: [a.categories[0].id] });
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(await forTenant(a.tenant.id).membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("gives each read of a failing batch its own answer", async () => {
    const a = await createTown();
    const db = forTenant(a.tenant.id);
    const [count, missing, rows] = await Promise.allSettled([
      db.category.count(),
      db.category.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id: "missing" } } }),
      db.category.findMany(),
    ]);
    expect(count).toEqual({ status: "fulfilled", value: 2 });
    expect(missing.status).toBe("rejected");
    expect(rows.status === "fulfilled" && rows.value.length).toBe(2);
  });

  it("never leaves a town's scope on a pooled connection, whatever the interleaving (generated)", async () => {
    // Towns told apart by their number of categories: a read under the wrong scope counts 0 (row-level security), never the right number.
    const towns = await Promise.all([2, 3, 4].map(async (n) => {
      const t = await createTown();
      for (let k = 2; k < n; k++) await forTenant(t.tenant.id).category.create({ data: { tenantId: t.tenant.id, key: `extra-${k}`, position: k, labels: { en: `Extra ${k}` } } });
      return { id: t.tenant.id, categories: n };
    }));
    const pool = () => databasePool() as Pool;
    /** What a connection of the pool carries between transactions: nothing. */
    const unscoped = async (client?: PoolClient) => {
      const q = `SELECT coalesce(current_setting('helpt.tenant_id', true), '') AS tenant, coalesce(current_setting('helpt.tenant_sig', true), '') AS sig,
                        current_user AS role, helpt_scope_tenant() AS scope`;
      const { rows } = client ? await client.query(q) : await pool().query(q);
      expect(rows[0]).toEqual({ tenant: "", sig: "", role: expect.not.stringMatching(/^helpt_app$/), scope: null });
    };
    const pause = (turns: number) => new Promise<void>((r) => (turns ? setTimeout(r, turns - 1) : setImmediate(r)));

    const step = fc.oneof(
      fc.record({ kind: fc.constant("read" as const), town: fc.nat(2), wait: fc.nat(3) }),
      fc.record({ kind: fc.constant("failingRead" as const), town: fc.nat(2), wait: fc.nat(3) }),
      fc.record({ kind: fc.constant("write" as const), town: fc.nat(2), wait: fc.nat(3) }),
      fc.record({ kind: fc.constant("abortedTransaction" as const), town: fc.nat(2), wait: fc.nat(3) }),
      fc.record({ kind: fc.constant("probe" as const), town: fc.constant(0), wait: fc.nat(3) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 8 }), async (requests) => {
      // Every generated request runs its steps in order; the requests run at the same time.
      await Promise.all(requests.map(async (steps) => {
        for (const s of steps) {
          await pause(s.wait);
          const town = towns[s.town];
          const db = forTenant(town.id);
          if (s.kind === "read") expect(await db.category.count()).toBe(town.categories);
          if (s.kind === "failingRead") await expect(db.category.findFirstOrThrow({ where: { key: "missing" } })).rejects.toThrow();
          if (s.kind === "write") expect((await db.category.updateMany({ where: { key: "groceries" }, data: { position: 0 } })).count).toBe(1);
          if (s.kind === "abortedTransaction") {
            await expect(db.$transaction(async (tx) => {
              await (tx as unknown as TenantDb).category.count();
              throw new Error("abort");
            })).rejects.toThrow("abort");
          }
          if (s.kind === "probe") await unscoped();
        }
      }));
      // Then every connection the pool holds, each on its own.
      const clients = await Promise.all(Array.from({ length: pool().totalCount }, () => pool().connect()));
      try {
        for (const c of clients) await unscoped(c);
      } finally {
        for (const c of clients) c.release();
      }
    }), { numRuns: 25 });
  });
});
