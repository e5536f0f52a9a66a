import { Prisma } from "@/generated/prisma/client";

/** Lists count exactly up to here, then say "10,000+": counting further would read the whole town. */
export const COUNT_CAP = 10_000;

export type CappedCount = { count: number; more: boolean };

/** SQL counting the rows of `from` (a FROM … WHERE … fragment), reading at most one past the cap. */
export function cappedCountSql(from: Prisma.Sql, cap = COUNT_CAP) {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${cap + 1}) AS capped`;
}

export function cappedCount(rows: { n: number }[], cap = COUNT_CAP): CappedCount {
  const n = rows[0]?.n ?? 0;
  return n > cap ? { count: cap, more: true } : { count: n, more: false };
}
