// Issue 19's import figure: a generated list of 10,000 volunteers read,
// checked and previewed, then imported by the worker's own chunk step
// (lib/imports/run.ts) into a bench town, with its progress read after every
// chunk. A figure, no target: rows per second and total seconds.
import { randomBytes } from "node:crypto";
import { confirmImport, importProgress, previewImport } from "../../lib/imports/jobs";
import { runImportChunk } from "../../lib/imports/run";
import { asCountry } from "../../lib/locale/country";
import { benchCoordinator } from "./fixtures";
import type { Context, Result } from "./scenarios";
import { fail, figures, ratio, type Sample } from "./stats";

const ROWS = 10_000;
const emailOf = (run: string, i: number) => `bench-import-${run}-${i}@bench.example`;

/** A list as a town would export it from a spreadsheet: semicolons, a BOM, Dutch headers, Belgian mobile numbers. */
function generatedList(run: string): Uint8Array {
  const lines = ["\uFEFFNaam;E-mailadres;GSM;Postcode;Talen"];
  for (let i = 0; i < ROWS; i++) lines.push(`Vrijwilliger ${i};${emailOf(run, i)};04${String(70_000_000 + i).padStart(8, "0")};3000;Nederlands, Frans`);
  return new TextEncoder().encode(lines.join("\r\n"));
}

async function cleanUp(ctx: Context, run: string) {
  await ctx.db.query(`DELETE FROM "OutboxEmail" WHERE template = 'volunteer-invitation' AND "to" LIKE $1`, [`bench-import-${run}-%`]);
  await ctx.db.query(`DELETE FROM "User" WHERE email LIKE $1`, [`bench-import-${run}-%`]);
  await ctx.db.query(`DELETE FROM "ImportJob" WHERE "fileName" = $1`, [`bench-import-${run}.csv`]);
}

export const IMPORT_SCENARIOS: Record<string, (ctx: Context) => Promise<Result[]>> = {
  async import(ctx) {
    const town = ctx.towns.small;
    // The invitations' links are signed in this process (as the alert scenario's are): any key does for timing.
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    ctx.log(`import. Importing ${ROWS.toLocaleString("en")} generated volunteers into ${town.slug}: preview, then the worker's chunks`);
    const { rows: [facts] } = await ctx.db.query<{ country: string; defaultLocale: string }>(`SELECT country, "defaultLocale" FROM "Tenant" WHERE id = $1`, [town.id]);
    await benchCoordinator(ctx.db, town);
    const coordinator = `bench-coord-${town.id}`;
    const run = randomBytes(4).toString("hex");
    const tenant = { id: town.id, country: asCountry(facts.country), defaultLocale: facts.defaultLocale };
    const bytes = generatedList(run);
    const preview: Sample = { ok: 0, seconds: 0, latencies: [], failures: new Map() };
    const importing: Sample = { ok: 0, seconds: 0, latencies: [], failures: new Map() };
    const progress: string[] = [];
    try {
      const t0 = performance.now();
      const previewed = await previewImport(tenant, coordinator, { name: `bench-import-${run}.csv`, bytes });
      preview.seconds = (performance.now() - t0) / 1000;
      if (!("jobId" in previewed)) throw new Error(`the generated list lacks columns: ${previewed.missing.join(", ")}`);
      const jobId = previewed.jobId;
      const before = await importProgress(tenant, jobId);
      preview.ok = before.toImport;
      preview.latencies.push(preview.seconds * 1000);
      if (before.toImport !== ROWS) fail(preview, `${before.toImport} rows to import of ${ROWS}`);
      await confirmImport(tenant, coordinator, jobId);

      const started = performance.now();
      for (;;) {
        const c0 = performance.now();
        const more = await runImportChunk(town.id, jobId);
        importing.latencies.push(performance.now() - c0);
        const p = await importProgress(tenant, jobId);
        progress.push(`${p.processed}`);
        if (!more) break;
      }
      importing.seconds = (performance.now() - started) / 1000;
      const after = await importProgress(tenant, jobId);
      importing.ok = after.created;
      if (after.status !== "DONE" || after.created !== ROWS) fail(importing, `${after.status}: ${after.created} created of ${ROWS}`);
      const { rows: [stored] } = await ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "VolunteerProfile" p JOIN "User" u ON u.id = p."userId" WHERE p."tenantId" = $1 AND p.status = 'INVITED' AND u.email LIKE $2`,
        [town.id, `bench-import-${run}-%`]);
      if (stored.n !== ROWS) fail(importing, `${stored.n} INVITED profiles stored of ${ROWS}`);
    } finally {
      await cleanUp(ctx, run);
    }
    const s = figures(importing);
    const b = figures(preview);
    return [{
      id: "import", title: `Volunteer import of ${ROWS.toLocaleString("en")} generated rows (CSV): the worker's chunks vs the preview`,
      subject: { label: `import: ${s.throughput} rows/s, ${s.seconds} s in all (${importing.latencies.length} chunks; p50 ms per chunk)`, figures: s },
      baseline: { label: `preview (read, check, duplicates against the town, store): ${b.throughput} rows/s, ${b.seconds} s`, figures: b },
      ratio: ratio(s, b), target: null,
      notes: [
        `Into ${town.slug} (${town.volunteers.toLocaleString("en")} volunteers), through forTenant and the wall: previewImport, confirmImport, then runImportChunk (500 rows a transaction: people, memberships, INVITED profiles, invitations through notifyAll, the job's counters) until done, the job's progress read after each chunk (${progress.slice(0, 3).join(", ")} … ${progress.at(-1)}). The run's people, invitations and job are deleted afterwards.`,
      ],
    }];
  },
};
