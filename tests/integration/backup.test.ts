import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { seedDemo } from "@/lib/seed/demo";
import { migrate } from "../../scripts/lib/database";
import { findPgToolDir, PG_TOOLS_HELP } from "../../scripts/lib/pg-tools";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/lib/embedded-database";
import type { PostgresCluster } from "../../scripts/lib/postgres-cluster";
import { ROOT } from "../../scripts/lib/run";

// `npm run db:backup` / `db:restore` end to end, on an embedded database of
// the test's own, made as `npm start` makes it (production's roles): migrated,
// with two demo towns and a resident's request, it is backed up by its owner
// (row-level security forced), restored into a database that did not exist,
// and compared.

/** Runs an npm script as an operator would; resolves with its exit code and output. */
function npmRun(script: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

async function queryAt<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Rows per table, every table of the public schema (Prisma's migration history included). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await queryAt<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await queryAt<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${name}"`))[0].n;
  return counts;
}

// The one test that needs more than Node: PostgreSQL's client programs, which no npm package ships.
const skip = findPgToolDir(["pg_dump", "pg_restore"]) ? null : `pg_dump and pg_restore were not found. ${PG_TOOLS_HELP}`;
if (skip && process.env.CI) throw new Error(`CI needs ${skip}`);
if (skip) console.warn(`backup.test.ts skipped: ${skip}`);

describe.skipIf(skip)("backup and restore", () => {
  let embedded: EmbeddedDatabase;
  let cluster: PostgresCluster;
  let source: string; // the owner's login, as operators run it
  let dir: string;
  const resident = { reference: "BKUP-0001", residentName: "Françoise Dubois-Ñúñez", residentPhone: "+32470998877", residentAddress: "Rue de l'Église 12, 5000 Namur", description: "Boodschappen & apotheek — 2× per week" };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "helpt-backup-"));
    chmodSync(dir, 0o755); // as root, the server runs as `postgres`, which must reach the data folder inside
    embedded = await startEmbeddedDatabase(join(dir, "data"), () => {});
    ({ cluster, ownerUrl: source } = embedded);
    await migrate(source);
    // The owner, a member of helpt_system: every town.
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: source }) });
    try {
      await seedDemo(db);
      const leuven = await db.tenant.findUniqueOrThrow({ where: { slug: "leuven" }, include: { categories: true } });
      await db.helpRequest.create({ data: { tenantId: leuven.id, categoryId: leuven.categories[0].id, postcode: "3000", timeWindow: "Vrijdag", ...resident } });
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  afterAll(async () => {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("backs up the running embedded database and restores it into a fresh database, every row and the request's personal data intact", async () => {
    const file = join(dir, "helpt.dump");
    // No DATABASE_URL: the embedded database that `npm start` runs in HELPT_DATA_DIR.
    const backup = await npmRun("db:backup", [file], { DATABASE_URL: undefined, HELPT_DATA_DIR: join(dir, "data") });
    expect(backup.output).toMatch(/Backed up database "helpt" on 127\.0\.0\.1:\d+/);
    expect(backup.code).toBe(0);

    // Does not exist yet: the owner, who may create databases, restores into it.
    const restore = await npmRun("db:restore", [file, "--into", cluster.url("helpt_restored", "helpt")], { DATABASE_URL: undefined });
    expect(restore.output).toMatch(/Restored .* into database "helpt_restored"/);
    expect(restore.code).toBe(0);

    // Counted as the superuser, whom row-level security does not hold back.
    const original = cluster.url("helpt");
    const fresh = cluster.url("helpt_restored");
    const before = await rowCounts(original);
    const after = await rowCounts(fresh);
    expect(before.Tenant).toBe(2);
    expect(before.HelpRequest).toBe(5);
    expect(before._prisma_migrations).toBeGreaterThan(0);
    expect(after).toEqual(before);

    const request = `SELECT to_jsonb(r) AS row FROM "HelpRequest" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE t.slug = 'leuven' AND r.reference = $1`;
    const [originalRow] = await queryAt<{ row: Record<string, unknown> }>(original, request, [resident.reference]);
    const [restored] = await queryAt<{ row: Record<string, unknown> }>(fresh, request, [resident.reference]);
    expect(restored.row).toMatchObject(resident);
    expect(restored.row).toEqual(originalRow.row);

    // The web app's login works on the restored database, behind the restored
    // wall and with the restored scope key: its town's rows only, signed.
    const [{ key }] = await queryAt<{ key: Buffer }>(fresh, "SELECT key FROM helpt_private.scope_key");
    const sign = (tenantId: string) => createHmac("sha256", key).update(tenantId).digest("hex");
    const web = new pg.Client({ connectionString: cluster.url("helpt_restored", "helpt_web") });
    await web.connect();
    try {
      const tenantId = restored.row.tenantId as string;
      const names = async (scope: string, signature = sign(scope)) => {
        await web.query("BEGIN");
        await web.query("SELECT set_config('helpt.tenant_id', $1, true), set_config('helpt.tenant_sig', $2, true)", [scope, signature]);
        const rows = (await web.query<{ residentName: string }>(`SELECT "residentName" FROM "HelpRequest"`)).rows.map((r) => r.residentName);
        await web.query("COMMIT");
        return rows;
      };
      expect(await names(tenantId)).toContain(resident.residentName);
      expect(await names(tenantId)).toHaveLength(3);
      expect(await names("")).toEqual([]);
      expect(await names(tenantId, "")).toEqual([]);
    } finally {
      await web.end();
    }
  }, 60_000);

  it("refuses to restore over a database that has tables, and changes nothing", async () => {
    const file = join(dir, "again.dump");
    expect((await npmRun("db:backup", [file], { DATABASE_URL: source })).code).toBe(0);
    const countBefore = await rowCounts(cluster.url("helpt"));
    const restore = await npmRun("db:restore", [file], { DATABASE_URL: source });
    expect(restore.code).not.toBe(0);
    expect(restore.output).toMatch(/already has \d+ tables; nothing was changed/);
    expect(await rowCounts(cluster.url("helpt"))).toEqual(countBefore);
  }, 60_000);

  it("says what is wrong instead of writing a backup: no database, not a backup", async () => {
    const file = join(dir, "nothing.dump");
    const noUrl = await npmRun("db:backup", [file], { DATABASE_URL: undefined, HELPT_DATA_DIR: join(dir, "nothing-runs-here") });
    expect(noUrl.code).not.toBe(0);
    expect(noUrl.output).toMatch(/DATABASE_URL is not set/);

    const unreachable = await npmRun("db:backup", [file], { DATABASE_URL: cluster.url("no_such_database") });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.output).toMatch(/Backup of database "no_such_database" .* failed/);
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);

    const notABackup = await npmRun("db:restore", [join(ROOT, "package.json"), "--into", cluster.url("helpt_other")], {});
    expect(notABackup.code).not.toBe(0);
    expect(notABackup.output).toMatch(/is not a backup made by npm run db:backup/);
  }, 60_000);
});
