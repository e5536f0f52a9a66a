import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { COUNT_CAP } from "@/lib/lists/count";
import { decodeCursor, encodeCursor } from "@/lib/lists/cursor";
import { keysetSql } from "@/lib/lists/keyset";
import { listQueue, QUEUE_ORDERS } from "@/lib/requests/queries";
import { QUEUE_SORTS, queueListSchema, type QueueFilter } from "@/lib/requests/schemas";
import { systemDb } from "@/lib/tenancy/system";
import { listVolunteers, VOLUNTEER_SORTS, volunteerListSchema } from "@/lib/volunteers/admin";
import { createTown } from "./helpers/factories";

type Town = Awaited<ReturnType<typeof createTown>>;
const ctx = (t: Town) => ({ id: t.tenant.id, defaultLocale: "nl" as const });

const BASE = Date.UTC(2026, 10, 1);
let serial = 0;
const uid = (p: string) => `${p}${(serial++).toString(36).padStart(5, "0")}${Math.random().toString(36).slice(2, 6)}`;

// Few distinct values everywhere, so many rows tie on the sort column (the id settles ties).
const WORDS = ["bread", "pharmacy", "walk", "50%_off"] as const;
const requestSpec = fc.record({
  minute: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom("NEW" as const, "OPEN" as const, "MATCHED" as const, "DONE" as const),
  urgency: fc.constantFrom("LOW" as const, "NORMAL" as const, "HIGH" as const),
  neighbourhood: fc.constantFrom("Centrum", "Heverlee", ""),
  summary: fc.constantFrom(...WORDS),
});
type RequestSpec = typeof requestSpec extends fc.Arbitrary<infer T> ? T : never;

async function fillRequests(t: Town, specs: RequestSpec[]) {
  await systemDb.helpRequest.createMany({
    data: specs.map((s) => {
      const id = uid("q");
      return {
        tenantId: t.tenant.id, id, reference: `R${id.slice(-9).toUpperCase()}`, categoryId: t.categories[0].id, status: s.status, urgency: s.urgency,
        neighbourhood: s.neighbourhood, postcode: "3000", publicSummary: `Help with ${s.summary}`, createdAt: new Date(BASE + s.minute * 60_000),
      };
    }),
  });
}

const QUEUE_COLUMNS = { urgency: ["urgency", "createdAt", "id"], created: ["createdAt", "id"], reference: ["reference"], status: ["status", "createdAt", "id"] } as const;

/** What the queue must show, ordered by PostgreSQL through Prisma, searched here. */
async function expectedQueue(t: Town, filter: QueueFilter, sort: keyof typeof QUEUE_COLUMNS, dir: "asc" | "desc", q?: string) {
  const rows = await systemDb.helpRequest.findMany({
    where: { tenantId: t.tenant.id, status: filter.status ?? { in: ["NEW", "OPEN", "MATCHED"] }, urgency: filter.urgency },
    orderBy: QUEUE_COLUMNS[sort].map((c) => ({ [c]: dir })) as Prisma.HelpRequestOrderByWithRelationInput[],
  });
  return rows.filter((r) => !q || `${r.reference} ${r.neighbourhood} ${r.postcode} ${r.publicSummary}`.toLowerCase().includes(q.toLowerCase())).map((r) => r.id);
}

/** Follows "next" from the first page to the last, then "previous" back to the first; returns both walks' ids. */
async function walk<P extends { rows: { id: string }[]; next: string | null; prev: string | null }>(get: (at: { after?: string; before?: string }) => Promise<P>) {
  const forward: string[] = [];
  let page = await get({});
  expect(page.prev).toBeNull();
  const pages: string[][] = [];
  for (let n = 0; ; n++) {
    if (n > 500) throw new Error("paging did not end");
    pages.push(page.rows.map((r) => r.id));
    forward.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    page = await get({ after: page.next });
  }
  // Back again: every previous page is the page seen before it, in the same order.
  for (let i = pages.length - 2; i >= 0; i--) {
    expect(page.prev).not.toBeNull();
    page = await get({ before: page.prev! });
    expect(page.rows.map((r) => r.id)).toEqual(pages[i]);
  }
  expect(page.prev).toBeNull();
  return forward;
}

describe("staff request queue, paged", () => {
  it("shows every matching request of its own town exactly once, in order, forwards and back, for every sort, filter and search", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestSpec, { maxLength: 30 }), fc.array(requestSpec, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...QUEUE_SORTS), fc.constantFrom("asc" as const, "desc" as const),
        fc.record({ status: fc.constantFrom(undefined, "DONE" as const, "OPEN" as const), urgency: fc.constantFrom(undefined, "HIGH" as const) }),
        fc.constantFrom(undefined, "pharm", "HEVER", "50%", "_", "r"),
        async (a, b, size, sort, dir, filter, q) => {
          const [ta, tb] = [await createTown(), await createTown()];
          await fillRequests(ta, a);
          await fillRequests(tb, b);
          for (const t of [ta, tb]) {
            const list = queueListSchema.parse({ sort, dir, q });
            const seen = await walk(async (at) => listQueue(ctx(t), filter, "nl", { ...list, ...at }, size));
            const expected = await expectedQueue(t, filter, sort, dir, q);
            expect(seen).toEqual(expected);
            const first = await listQueue(ctx(t), filter, "nl", list, size);
            expect(first.count).toEqual({ count: expected.length, more: false });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);

  it("takes any forged cursor or parameter for the first page, never an error", async () => {
    const t = await createTown();
    await fillRequests(t, Array.from({ length: 8 }, (_, i) => ({ minute: i % 2, status: "OPEN" as const, urgency: "NORMAL" as const, neighbourhood: "Centrum", summary: "walk" as const })));
    const firsts = new Map<string, string[]>();
    for (const sort of QUEUE_SORTS) firsts.set(sort, (await listQueue(ctx(t), {}, "nl", queueListSchema.parse({ sort }), 3)).rows.map((r) => r.id));
    const token = fc.oneof(
      fc.string({ maxLength: 700 }),
      fc.base64String({ maxLength: 200 }).map((s) => s.replace(/[+/=]/g, "")),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.double(), fc.constantFrom("BOGUS", "HIGH", "OPEN")), { maxLength: 4 }).map((v) => Buffer.from(JSON.stringify(v)).toString("base64url")),
      fc.constantFrom(encodeCursor(["BOGUS", new Date(BASE), "x"]), encodeCursor(["HIGH", new Date(BASE)]), encodeCursor([new Date(BASE), "x\0"])),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...QUEUE_SORTS), token, fc.constantFrom("after", "before"), async (sort, tok, side) => {
        // A token that reads as a real key of this sort is a position (after a reference, say), not a forgery: skipped.
        fc.pre(!keysetSql({ columns: QUEUE_ORDERS[sort].columns, dir: "desc" }, { [side]: tok }).started);
        const page = await listQueue(ctx(t), {}, "nl", queueListSchema.parse({ sort, [side]: tok }), 3);
        expect(page.rows.map((r) => r.id)).toEqual(firsts.get(sort));
      }),
      { numRuns: 150 },
    );
    // Parameters of the wrong shape fall back to the defaults.
    const odd = queueListSchema.parse({ sort: ["reference", "status"], dir: "sideways", q: "\0\u0007", after: ["a", "b"], before: 7 });
    expect(odd).toMatchObject({ sort: "urgency", dir: "desc", q: undefined, after: undefined, before: undefined });
  }, 120_000);

  it("counts exactly up to the cap, then says more", async () => {
    const t = await createTown();
    await systemDb.$executeRaw`
      INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, "updatedAt")
      SELECT ${t.tenant.id}, ${t.tenant.id} || '-' || n, 'C' || n, ${t.categories[0].id}, 'OPEN', now() FROM generate_series(1, ${COUNT_CAP + 1}::int) n`;
    const page = await listQueue(ctx(t), {}, "nl");
    expect(page.count).toEqual({ count: COUNT_CAP, more: true });
    expect(page.rows).toHaveLength(50);
    expect((await listQueue(ctx(t), { status: "DONE" }, "nl")).count).toEqual({ count: 0, more: false });
  }, 120_000);
});

const volunteerSpec = fc.record({
  name: fc.constantFrom("Anna Peeters", "Bram Claes", "anna Maes", "Zoë 100%"),
  postcode: fc.constantFrom("3000", "3010"),
  status: fc.constantFrom("ACTIVE" as const, "PAUSED" as const, "BLOCKED" as const),
  minute: fc.integer({ min: 0, max: 2 }),
  category: fc.boolean(),
});
type VolunteerSpec = { name: string; postcode: string; status: "ACTIVE" | "PAUSED" | "BLOCKED"; minute: number; category: boolean };

async function fillVolunteers(t: Town, specs: VolunteerSpec[]) {
  const ids = specs.map(() => uid("v"));
  await systemDb.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@example.be` })) });
  await systemDb.membership.createMany({ data: ids.map((id) => ({ tenantId: t.tenant.id, id, userId: id, role: "VOLUNTEER" as const })) });
  await systemDb.volunteerProfile.createMany({
    data: specs.map((s, i) => ({
      tenantId: t.tenant.id, id: ids[i], membershipId: ids[i], userId: ids[i], name: s.name, phone: `+3247${String(i).padStart(7, "0")}`, postcode: s.postcode,
      status: s.status, categoryIds: s.category ? [t.categories[1].id] : [t.categories[0].id], codeOfConductAt: new Date(), createdAt: new Date(BASE + s.minute * 60_000),
    })),
  });
}

const VOLUNTEER_COLUMNS = { name: ["name", "id"], created: ["createdAt", "id"], status: ["status", "name", "id"] } as const;

describe("staff volunteer list, paged", () => {
  it("shows every matching volunteer of its own town exactly once, in order, forwards and back, for every sort, filter and search", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(volunteerSpec, { maxLength: 25 }), fc.array(volunteerSpec, { maxLength: 25 }), fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...VOLUNTEER_SORTS), fc.constantFrom("asc" as const, "desc" as const),
        fc.constantFrom(undefined, "PAUSED" as const), fc.boolean(), fc.constantFrom(undefined, "anna", "301", "0%", "+3247"),
        async (a, b, size, sort, dir, status, byCategory, q) => {
          const [ta, tb] = [await createTown(), await createTown()];
          await fillVolunteers(ta, a);
          await fillVolunteers(tb, b);
          for (const t of [ta, tb]) {
            const categoryId = byCategory ? t.categories[1].id : undefined;
            const list = volunteerListSchema.parse({ sort, dir, q, status, categoryId });
            const seen = await walk(async (at) => listVolunteers(ctx(t), { ...list, ...at }, size));
            const rows = await systemDb.volunteerProfile.findMany({
              where: { tenantId: t.tenant.id, status, categoryIds: categoryId ? { has: categoryId } : undefined },
              orderBy: VOLUNTEER_COLUMNS[sort].map((c) => ({ [c]: dir })) as Prisma.VolunteerProfileOrderByWithRelationInput[],
            });
            const expected = rows.filter((r) => !q || `${r.name} ${r.postcode} ${r.phone}`.toLowerCase().includes(q.toLowerCase())).map((r) => r.id);
            expect(seen).toEqual(expected);
            expect((await listVolunteers(ctx(t), list, size)).count).toEqual({ count: expected.length, more: false });
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 240_000);

  it("carries no name or date in its cursors: a volunteer's id only", async () => {
    const t = await createTown();
    await fillVolunteers(t, Array.from({ length: 5 }, (_, i) => ({ name: `Naam ${i}`, postcode: "3000", status: "ACTIVE" as const, minute: i, category: false })));
    for (const sort of VOLUNTEER_SORTS) {
      const first = await listVolunteers(ctx(t), volunteerListSchema.parse({ sort }), 2);
      expect(decodeCursor(first.next!, ["text"])).toEqual([first.rows[1].id]);
      const second = await listVolunteers(ctx(t), volunteerListSchema.parse({ sort, after: first.next }), 2);
      expect(decodeCursor(second.prev!, ["text"])).toEqual([second.rows[0].id]);
    }
  });

  it("takes any forged cursor, or one naming another town's volunteer, for the first page, never an error", async () => {
    const [t, other] = [await createTown(), await createTown()];
    await fillVolunteers(t, Array.from({ length: 5 }, (_, i) => ({ name: `N${i % 2}`, postcode: "3000", status: "ACTIVE" as const, minute: 0, category: false })));
    await fillVolunteers(other, [{ name: "A", postcode: "3000", status: "ACTIVE", minute: 0, category: false }]);
    const theirs = (await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: other.tenant.id } })).id;
    const special = fc.constantFrom(encodeCursor(["GONE", "a", "b"]), encodeCursor([1, 2]), encodeCursor(["no-such-volunteer"]), encodeCursor([theirs]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VOLUNTEER_SORTS), fc.oneof(fc.string({ maxLength: 700 }), special), async (sort, tok) => {
        const first = await listVolunteers(ctx(t), volunteerListSchema.parse({ sort }), 2);
        const forged = await listVolunteers(ctx(t), volunteerListSchema.parse({ sort, after: tok }), 2);
        expect(forged.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
