import pg from "pg";
import { runCli } from "./run";

/** One clear line instead of a stack trace when the database is not there. */
export async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = new URL(url);
    throw new Error(
      `Cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432} (${(error as Error).message}). ` +
        `Is the server running, and is DATABASE_URL right? Unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Applies pending migrations with the stock Prisma CLI (offline engine, see prisma.config.ts). */
export async function migrate(url: string): Promise<void> {
  try {
    await runCli("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });
  } catch (error) {
    throw new Error(
      `The database schema could not be brought up to date:\n${(error as Error).message}\n` +
        `If this database holds data from another version of Helpt, back it up and run ` +
        `'npx prisma migrate status' to see what differs; for the embedded demo database, move .data/ aside to start fresh.`,
    );
  }
}

/** The towns in the database, for the launcher's list of URLs. */
export async function listTowns(url: string): Promise<{ slug: string; name: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ slug: string; name: string }>('SELECT slug, name FROM "Tenant" ORDER BY name')).rows;
  } finally {
    await client.end();
  }
}
