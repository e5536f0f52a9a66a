import { Prisma } from "@/generated/prisma/client";
import { decodeCursor, encodeCursor, type Key, type KeyKind } from "@/lib/lists/cursor";

export type Direction = "asc" | "desc";

/**
 * A sort order: its columns (the last one unique, e.g. the id) with their kinds, all in one direction.
 * `enum` names a text column's enum type and values: the comparison then keeps the enum's declared
 * order (not the alphabet) and its index, and a cursor holding any other value means the first page.
 */
export type KeyColumn = { sql: Prisma.Sql; kind: KeyKind; enum?: { type: string; values: readonly string[] } };
export type KeyOrder = { columns: readonly KeyColumn[]; dir: Direction };

/** Where a page starts: after a row (next) or before one (previous); neither is the first page. */
export type PageAt = { after?: string; before?: string };

export type ListPage<T> = { rows: T[]; next: string | null; prev: string | null };

/**
 * The SQL for one page: a row comparison `(a, b, id) < (…)` that a B-tree
 * index on the same columns answers by seeking, so the 50,000th page costs
 * what the first does (OFFSET would read every row before it). All columns
 * share one direction for that reason. A previous page is read in the
 * opposite order from its cursor and turned round by `pageOf`.
 */
export function keysetSql(order: KeyOrder, at: PageAt) {
  const kinds = order.columns.map((c) => c.kind);
  const known = (key: Key | null) => (key?.every((v, i) => order.columns[i].enum?.values.includes(v as string) ?? true) ? key : null);
  const after = known(decodeCursor(at.after, kinds));
  const before = after ? null : known(decodeCursor(at.before, kinds));
  const backwards = before !== null;
  const dir = backwards ? flip(order.dir) : order.dir;
  const cols = Prisma.join(order.columns.map((c) => c.sql));
  const key = after ?? before;
  const op = Prisma.raw(dir === "asc" ? ">" : "<");
  const direction = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return {
    /** `AND (…) > (…)`, or nothing on the first page. */
    where: key ? Prisma.sql`AND (${cols}) ${op} (${Prisma.join(key.map((v, i) => typed(v, order.columns[i])))})` : Prisma.empty,
    orderBy: Prisma.sql`ORDER BY ${Prisma.join(order.columns.map((c) => Prisma.sql`${c.sql} ${direction}`))}`,
    backwards,
    started: key !== null,
  };
}

/** Cuts a page from `size + 1` fetched rows and names the cursors around it. */
export function pageOf<T>(fetched: T[], size: number, keyOf: (row: T) => Key, at: { backwards: boolean; started: boolean }): ListPage<T> {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (at.backwards) rows.reverse();
  if (rows.length === 0) return { rows, next: null, prev: null };
  const first = encodeCursor(keyOf(rows[0]));
  const last = encodeCursor(keyOf(rows[rows.length - 1]));
  return at.backwards
    ? { rows, prev: more ? first : null, next: last }
    : { rows, prev: at.started ? first : null, next: more ? last : null };
}

const flip = (d: Direction): Direction => (d === "asc" ? "desc" : "asc");

// Parameters are typed in the SQL so PostgreSQL compares like with like.
function typed(v: Key[number], { kind, enum: e }: KeyColumn) {
  if (e) return Prisma.sql`${v}::${Prisma.raw(e.type)}`;
  switch (kind) {
    case "text": return Prisma.sql`${v}::text`;
    case "int": return Prisma.sql`${v}::int`;
    case "date": return Prisma.sql`${v}::timestamp(3)`;
  }
}
