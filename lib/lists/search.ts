import { Prisma } from "@/generated/prisma/client";

/**
 * An ILIKE pattern finding `q` anywhere, its wildcards taken literally. A
 * trigram index (pg_trgm, gin_trgm_ops) answers it for three or more characters.
 */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The searched lists, each with its trigram index and a function reading it (migration 20261205100000). */
const SEARCH_FUNCTIONS = {
  requests: Prisma.raw("public.helpt_search_requests"),
  volunteers: Prisma.raw("public.helpt_search_volunteers"),
  audit: Prisma.raw("public.helpt_search_audit"),
} as const;

/**
 * `<id> IN (the town's rows whose searched text contains q)`. Under row-level
 * security an ILIKE in the list's own SQL cannot use the trigram index (it is
 * not leakproof, so it runs after the policy, on every row of the town); the
 * function reads the index as its owner and answers only for the
 * transaction's own town.
 */
export function searchedIds(list: keyof typeof SEARCH_FUNCTIONS, id: Prisma.Sql, tenantId: string, q: string): Prisma.Sql {
  return Prisma.sql`${id} IN (SELECT ${SEARCH_FUNCTIONS[list]}(${tenantId}, ${containsPattern(q)}))`;
}
