import { z } from "zod";
import { stripControl } from "@/lib/forms/text";
import type { Direction } from "@/lib/lists/keyset";

export const PAGE_SIZE = 50;

/** The search box: trimmed, without control characters (NUL fails a query), empty meaning none. */
export const searchParam = z.string().overwrite((v) => stripControl(v).trim()).pipe(z.string().max(100)).optional().catch(undefined)
  .transform((v) => v || undefined);

/** A page's cursor as it travels in the URL (base64url); anything else means the first page. */
export const cursorParam = z.string().max(600).regex(/^[A-Za-z0-9_-]*$/).optional().catch(undefined);

/**
 * A list's state in its URL (shareable; the back button works): the sort
 * column and direction, the search text and the page's cursor. Anything
 * unknown or malformed falls back to the default instead of failing.
 */
export function listParamsSchema<S extends string>(sorts: readonly [S, ...S[]], sort: S, dir: Direction) {
  return z.object({
    sort: z.enum(sorts).catch(sort),
    dir: z.enum(["asc", "desc"]).catch(dir),
    q: searchParam,
    after: cursorParam,
    before: cursorParam,
  });
}

export type ListState = { sort: string; dir: Direction; q?: string; after?: string; before?: string };

type Query = Record<string, string | undefined>;

/**
 * A link to the same list with some of its state changed. Changing anything
 * but the page itself starts again at the first page (a cursor belongs to one
 * sort and one filter).
 */
export function listHref(path: string, current: Query, change: Query): string {
  const next: Query = { ...current, after: undefined, before: undefined, ...change };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A sort column's link: the other direction when it is the current one, else its natural direction. */
export function sortHref(path: string, current: Query & { sort: string; dir: Direction }, sort: string, natural: Direction = "asc") {
  const dir = current.sort === sort ? (current.dir === "asc" ? "desc" : "asc") : natural;
  return listHref(path, current, { sort, dir });
}
