/**
 * An ILIKE pattern finding `q` anywhere, its wildcards taken literally. A
 * trigram index (pg_trgm, gin_trgm_ops) answers it for three or more characters.
 */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
