import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/mutations";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, requestInput } from "./helpers/factories";

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
