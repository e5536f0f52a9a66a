import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCursor, parseCursor, publicRequestsPage, PUBLIC_COUNT_LIMIT, type PublicCursor } from "@/lib/requests/public-list";
import { systemDb } from "@/lib/tenancy/system";
import { createTown } from "./helpers/factories";

type Town = Awaited<ReturnType<typeof createTown>>;
type Spec = { minute: number; status: "OPEN" | "NEW" | "MATCHED"; published: boolean };

const BASE = Date.UTC(2026, 10, 1);
let serial = 0;

/** Requests with few distinct minutes, so many share a publishedAt (the tie the id settles). */
async function fill(t: Town, specs: Spec[]) {
  await systemDb.helpRequest.createMany({
    data: specs.map((s) => {
      const id = `pg${(serial++).toString(36).padStart(6, "0")}${Math.random().toString(36).slice(2, 6)}`;
      return {
        tenantId: t.tenant.id, id, reference: id.slice(-10), categoryId: t.categories[0].id, status: s.status, postcode: "3000", timeWindow: "",
        publishedAt: s.published ? new Date(BASE + s.minute * 60_000) : null,
      };
    }),
  });
}

/** Follows the "older" links from the first page to the last. */
async function walk(t: Town, size: number) {
  const ctx = { id: t.tenant.id, defaultLocale: "nl" as const };
  const seen: { id: string; publishedAt: Date }[] = [];
  let before: PublicCursor | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await publicRequestsPage(ctx, "nl", before, size);
    seen.push(...page.requests.map((r) => ({ id: r.id, publishedAt: r.publishedAt })));
    if (!page.older) return { seen, first: await publicRequestsPage(ctx, "nl", null, size) };
    before = parseCursor(page.older);
    expect(before).not.toBeNull();
  }
  throw new Error("paging did not end");
}

/** What the list must show: open and published, newest first, ties on id (descending). */
async function expected(t: Town) {
  const rows = await systemDb.helpRequest.findMany({
    where: { tenantId: t.tenant.id, status: "OPEN", publishedAt: { not: null } },
    select: { id: true, publishedAt: true },
  });
  return rows.sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
}

describe("public list of open requests, paged", () => {
  it("shows every open request of its own town exactly once across the pages, newest first, ties on id", async () => {
    const spec = fc.record({
      minute: fc.integer({ min: 0, max: 5 }),
      status: fc.constantFrom("OPEN" as const, "OPEN" as const, "NEW" as const, "MATCHED" as const),
      published: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 40 }), fc.array(spec, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (a, b, size) => {
        const [ta, tb] = [await createTown(), await createTown()];
        await fill(ta, a);
        await fill(tb, b);
        for (const t of [ta, tb]) {
          const { seen, first } = await walk(t, size);
          // Same ids in the same order: none twice, none missing, none of the other town's.
          expect(seen.map((r) => r.id)).toEqual(await expected(t));
          const open = seen.length;
          expect(first.open).toEqual(open ? { count: open, more: false } : null);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("counts exactly up to the limit, then says more", async () => {
    const t = await createTown();
    await fill(t, Array.from({ length: PUBLIC_COUNT_LIMIT + 1 }, (_, i) => ({ minute: i % 7, status: "OPEN" as const, published: true })));
    const ctx = { id: t.tenant.id, defaultLocale: "nl" as const };
    const page = await publicRequestsPage(ctx, "nl", null);
    expect(page.open).toEqual({ count: PUBLIC_COUNT_LIMIT, more: true });
    expect(page.requests).toHaveLength(24);
    await systemDb.helpRequest.deleteMany({ where: { tenantId: t.tenant.id, id: page.requests[0].id } });
    expect((await publicRequestsPage(ctx, "nl", null)).open).toEqual({ count: PUBLIC_COUNT_LIMIT, more: false });
  }, 60_000);

  it("reads any address-bar value as a cursor or as the first page, never an error", async () => {
    const t = await createTown();
    await fill(t, Array.from({ length: 5 }, (_, i) => ({ minute: i, status: "OPEN" as const, published: true })));
    const ctx = { id: t.tenant.id, defaultLocale: "nl" as const };
    const cursor = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.string()).map(([ms, id]) => `${ms}_${id}`),
      fc.tuple(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)).map(([ms, id]) => `${ms}_${id}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(cursor, fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined)), async (raw) => {
        const parsed = parseCursor(raw);
        if (parsed) expect(parseCursor(encodeCursor(parsed))).toEqual(parsed);
        const page = await publicRequestsPage(ctx, "nl", parsed);
        expect(page.requests.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
