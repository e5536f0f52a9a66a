import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type Key } from "@/lib/lists/cursor";
import { keysetSql, pageOf, type Direction } from "@/lib/lists/keyset";
import { Prisma } from "@/generated/prisma/client";
import { listHref, listParamsSchema, sortHref } from "@/lib/lists/params";
import { containsPattern } from "@/lib/lists/search";

const key = fc.tuple(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes("\0")), fc.integer({ min: -1e6, max: 1e6 }),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }));

describe("list cursors", () => {
  it("read back exactly what was written", () => {
    fc.assert(fc.property(key, (k) => {
      expect(decodeCursor(encodeCursor(k), ["text", "int", "date"])).toEqual(k);
    }));
  });

  it("never hand the database a value of the wrong kind, whatever the token", () => {
    const tokens = fc.oneof(fc.string({ maxLength: 700 }), fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString("base64url")),
      key.map((k) => encodeCursor([k[1], k[0], k[2]] as Key)));
    fc.assert(fc.property(tokens, (token) => {
      const k = decodeCursor(token, ["text", "int", "date"]);
      if (k === null) return;
      expect(typeof k[0]).toBe("string");
      expect(Number.isSafeInteger(k[1])).toBe(true);
      expect(k[2]).toBeInstanceOf(Date);
    }));
  });
});

// The same paging done in memory: a row comparison on (value, id) in one direction.
function simulate(all: { v: number; id: string }[], dir: Direction, at: { after?: string; before?: string }, size: number) {
  const order = { columns: [{ sql: Prisma.sql`v`, kind: "int" as const }, { sql: Prisma.sql`id`, kind: "text" as const }], dir };
  const plan = keysetSql(order, at);
  const cmp = (a: { v: number; id: string }, b: Key) => a.v - (b[0] as number) || (a.id < (b[1] as string) ? -1 : a.id > (b[1] as string) ? 1 : 0);
  const scanDir = plan.backwards ? (dir === "asc" ? "desc" : "asc") : dir;
  const sign = scanDir === "asc" ? 1 : -1;
  const cursor = plan.started ? decodeCursor(plan.backwards ? at.before : at.after, ["int", "text"]) : null;
  const rows = [...all]
    .filter((r) => !cursor || sign * cmp(r, cursor) > 0)
    .sort((a, b) => sign * cmp(a, [b.v, b.id]))
    .slice(0, size + 1);
  return pageOf(rows, size, (r) => [r.v, r.id], plan);
}

describe("keyset pages", () => {
  it("walk forward through every row once, and back again to the same pages", () => {
    const rows = fc.uniqueArray(fc.record({ v: fc.integer({ min: 0, max: 5 }), id: fc.string({ minLength: 1, maxLength: 4 }) }), { selector: (r) => r.id, maxLength: 60 });
    fc.assert(fc.property(rows, fc.integer({ min: 1, max: 7 }), fc.constantFrom<Direction>("asc", "desc"), (all, size, dir) => {
      const pages = [];
      let page = simulate(all, dir, {}, size);
      expect(page.prev).toBeNull();
      pages.push(page.rows);
      while (page.next) {
        page = simulate(all, dir, { after: page.next }, size);
        pages.push(page.rows);
      }
      const seen = pages.flat().map((r) => r.id);
      expect(new Set(seen).size).toBe(all.length);
      expect(seen.length).toBe(all.length);
      // Back from the last page, page by page, to the first.
      for (let i = pages.length - 2; i >= 0 && page.prev; i--) {
        page = simulate(all, dir, { before: page.prev }, size);
        expect(page.rows).toEqual(pages[i]);
      }
      expect(page.prev).toBeNull();
    }));
  });
});

describe("keyset pages over an enum column", () => {
  const order = {
    columns: [{ sql: Prisma.raw('"urgency"'), kind: "text" as const, enum: { type: '"Urgency"', values: ["LOW", "NORMAL", "HIGH"] } }, { sql: Prisma.raw("id"), kind: "text" as const }],
    dir: "desc" as Direction,
  };
  it("compares in the enum's type, and takes a cursor with any other value for the first page", () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }).filter((s) => !s.includes("\0")), fc.string({ maxLength: 20 }).filter((s) => !s.includes("\0")), (value, id) => {
      const at = keysetSql(order, { after: encodeCursor([value, id]) });
      const known = ["LOW", "NORMAL", "HIGH"].includes(value);
      expect(at.started).toBe(known);
      expect(at.where.sql).toBe(known ? 'AND ("urgency",id) < ($1::"Urgency",$2::text)' : "");
    }));
  });
});

describe("list state in the URL", () => {
  const schema = listParamsSchema(["name", "created"], "name", "asc");

  it("falls back to the defaults for anything malformed", () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom("sort", "dir", "q", "after", "before", "x"), fc.oneof(fc.string(), fc.array(fc.string()))), (input) => {
      const state = schema.parse(input);
      expect(["name", "created"]).toContain(state.sort);
      expect(["asc", "desc"]).toContain(state.dir);
      if (state.q !== undefined) expect(state.q).toMatch(/^\S(.*\S)?$|^\S$/s);
    }));
  });

  it("keeps filters in page links and starts at the first page when anything else changes", () => {
    const current = { sort: "name", dir: "asc" as const, status: "OPEN", q: "ann", after: "abc" };
    expect(listHref("/l", current, { after: "def" })).toBe("/l?sort=name&dir=asc&status=OPEN&q=ann&after=def");
    expect(sortHref("/l", current, "name")).toBe("/l?sort=name&dir=desc&status=OPEN&q=ann");
    expect(sortHref("/l", current, "created", "desc")).toBe("/l?sort=created&dir=desc&status=OPEN&q=ann");
  });

  it("searches for wildcards literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
