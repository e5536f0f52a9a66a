// `npm run db:backup -- <file>`: a consistent snapshot of the DATABASE_URL
// database (without it, of the running embedded database of `npm start`) in
// pg_dump's custom format (compressed; `npm run db:restore` reads it).
import { renameSync, rmSync, statSync } from "node:fs";
import { runningEmbeddedDatabaseUrl } from "../lib/embedded-database";
import { libpqTarget, requirePgTool, runPgTool } from "../lib/pg-tools";

async function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || file.startsWith("-") || rest.length) throw new Error("Usage: npm run db:backup -- <file>");
  const url = process.env.DATABASE_URL || runningEmbeddedDatabaseUrl();
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: it names the database to back up. " +
        "(The embedded database of npm start is backed up without it while Helpt runs.)",
    );
  }
  const target = libpqTarget(url);
  const pgDump = requirePgTool("pg_dump");
  const pgRestore = requirePgTool("pg_restore");

  // Written next to the destination and renamed when complete, so a failed
  // run never leaves a truncated file that looks like a backup.
  const partial = `${file}.partial`;
  try {
    // Row-level security is forced, on the owner too: pg_dump reads through the
    // policies, which show every town's rows to the owner, a member of
    // helpt_system. A superuser or BYPASSRLS role reads past them anyway.
    await runPgTool(pgDump, ["--format=custom", "--enable-row-security", "--no-password", `--file=${partial}`, `--dbname=${target.dbname}`], target.env);
    // Read the archive back: a backup nobody can restore is no backup.
    const list = await runPgTool(pgRestore, ["--list", partial]);
    renameSync(partial, file);
    const tables = list.split("\n").filter((l) => / TABLE DATA /.test(l)).length;
    console.log(`Backed up ${target.label} to ${file} (${statSync(file).size} bytes, ${tables} tables).`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(`Backup of ${target.label} failed:\n${(error as Error).message}`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
