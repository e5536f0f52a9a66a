import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { TENANT_MODELS } from "@/lib/tenancy/for-tenant";

// Tables with a tenantId that are global on purpose: routing and infrastructure.
const GLOBAL_WITH_TENANT_ID = new Set(["Domain", "OutboxEmail", "StripeEvent", "SignupDraft", "PlatformAudit", "EmailSuppression"]);

describe("tenancy rules in the schema (read from pg_catalog)", () => {
  it("scopes every tenant-owned table through forTenant", async () => {
    const rows = await prisma.$queryRaw<{ table: string }[]>`
      SELECT c.relname AS table FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped
       WHERE c.relkind = 'r'`;
    const tenantOwned = rows.map((r) => r.table).filter((t) => !GLOBAL_WITH_TENANT_ID.has(t)).sort();
    expect(tenantOwned).toEqual([...TENANT_MODELS].sort());
  });

  it("leads every primary key, unique constraint and foreign key of tenant-owned tables with tenantId", async () => {
    const rows = await prisma.$queryRaw<{ table: string; name: string; type: string; columns: string[] }[]>`
      SELECT c.relname AS table, con.conname AS name, con.contype::text AS type,
             array(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k) AS columns
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       WHERE con.contype IN ('p', 'u', 'f')`;
    const offenders = rows
      .filter((r) => TENANT_MODELS.has(r.table))
      // A foreign key to a global table (Tenant, User) needs no tenantId.
      .filter((r) => !(r.type === "f" && (r.columns.length === 1 && (r.columns[0] === "tenantId" || /^(userId|authorId|actorId|assignedById|createdById|calledById|confirmedById)$/.test(r.columns[0])))))
      .filter((r) => !r.columns.includes("tenantId"))
      .map((r) => `${r.table}.${r.name} (${r.columns.join(", ")})`);
    expect(offenders).toEqual([]);
    const indexes = await prisma.$queryRaw<{ table: string; def: string }[]>`
      SELECT tablename AS table, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE 'CREATE UNIQUE%'`;
    const uniqueWithoutTenant = indexes.filter((i) => TENANT_MODELS.has(i.table) && !i.def.includes('"tenantId"'));
    expect(uniqueWithoutTenant).toEqual([]);
  });
});
