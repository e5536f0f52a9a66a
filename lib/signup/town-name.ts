import { prisma } from "@/lib/db/client";

/** Two names are the same town when they differ only in case, spacing or Unicode form ("Mechelen" = " mechelen "). */
export const townNameKey = (name: string) => name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();

/** The same key in SQL, for a column or parameter. */
const SQL_KEY = `lower(btrim(regexp_replace(normalize(name, NFKC), '\\s+', ' ', 'g')))`;

type Runner = { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> };

/** Whether a town of that name already exists (any status: a suspended town still holds its name). */
export async function townNameTaken(name: string, db: Runner = prisma): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "Tenant" WHERE ${SQL_KEY} = $1 LIMIT 1`, townNameKey(name));
  return rows.length > 0;
}

/** Serialises sign-ups of one name until the transaction ends, so of two at once only one gets it. */
export async function lockTownName(name: string, db: Runner): Promise<void> {
  await db.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('town-name:' || $1))::text`, townNameKey(name));
}

/** A list of towns with each name once (the first wins), for directories. */
export function distinctByName<T extends { name: string }>(towns: T[]): T[] {
  const seen = new Set<string>();
  return towns.filter((t) => !seen.has(townNameKey(t.name)) && !!seen.add(townNameKey(t.name)));
}
