import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listAudit, type AuditList } from "@/lib/audit/log";
import type { AuditFilter } from "@/lib/audit/filter";
import { encodeCursor } from "@/lib/lists/cursor";
import type { Direction } from "@/lib/lists/keyset";
import type { ListPage } from "@/lib/lists/keyset";
import { listApplicants, type ApplicantList } from "@/lib/organisations/applicants";
import { postVacancy, saveOrganisation } from "@/lib/organisations/vacancies";
import { listTowns } from "@/lib/platform/queries";
import type { TownFilter } from "@/lib/platform/schemas";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, uniqueSlug } from "./helpers/factories";

// Every list pages by keyset over generated rows (ties on the sort column
// included): forward and back, each row appears exactly once, in the order the
// database itself sorts the whole filtered list.

const SIZE = 3;
const DIRS: Direction[] = ["asc", "desc"];
const MOMENTS = ["2026-05-01T08:00:00.000Z", "2026-05-01T09:30:00.000Z", "2026-05-02T10:00:00.000Z"].map((d) => new Date(d));

/** Ids of every page from the first onwards, then of every page back from the last. */
async function walk<T extends { id: string }>(page: (at: { after?: string; before?: string }) => Promise<ListPage<T>>) {
  const forward: string[] = [];
  let current = await page({});
  expect(current.prev).toBeNull();
  for (let i = 0; ; i++) {
    expect(i).toBeLessThan(100);
    expect(current.rows.length).toBeLessThanOrEqual(SIZE);
    forward.push(...current.rows.map((r) => r.id));
    if (!current.next) break;
    current = await page({ after: current.next });
  }
  const backward: string[] = [...current.rows.map((r) => r.id)];
  while (current.prev) {
    current = await page({ before: current.prev });
    expect(current.rows.length).toBe(SIZE);
    backward.unshift(...current.rows.map((r) => r.id));
  }
  return { forward, backward };
}

/** Tokens that are not this list's cursors: any text, JSON of any shape, and real cursors of other kinds. */
const forged = fc.oneof(
  fc.string({ maxLength: 700 }),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "null").toString("base64url")),
  fc.tuple(fc.integer(), fc.string()).map((k) => encodeCursor(k)),
  fc.constant(encodeCursor(["x", "y", "z", "w"])),
);

describe("audit log paging", () => {
  it("returns every matching entry once, in order, forward and back, for each sort and filter; never another town's", async () => {
    const { tenant } = await createTown();
    const other = await createTown();
    const anna = await systemDb.user.create({ data: { email: `${uniqueSlug("anna")}@example.be`, name: "Anna 100%_Admin" } });
    const bob = await systemDb.user.create({ data: { email: `${uniqueSlug("bob")}@example.be`, name: "Bob" } });
    const people = [null, anna, bob];
    const entry = fc.record({
      action: fc.constantFrom("request.view", "request.status", "settings.update", "volunteer.view"),
      subjectId: fc.constantFrom("abc", "50%_off", "xyz"),
      at: fc.constantFrom(...MOMENTS),
      actor: fc.integer({ min: 0, max: 2 }),
    });
    const filters: AuditFilter[] = [{}, { action: "request.view" }, { q: "view" }, { q: "100%_" }, { q: "0%_" }, { actor: "bob" }, { from: "2026-05-02" }];
    await fc.assert(fc.asyncProperty(fc.array(entry, { maxLength: 14 }), async (entries) => {
      await systemDb.auditLog.deleteMany({ where: { tenantId: { in: [tenant.id, other.tenant.id] } } });
      await systemDb.auditLog.createMany({
        data: entries.map((e) => ({ tenantId: tenant.id, actorId: people[e.actor]?.id ?? null, action: e.action, subjectType: "Thing", subjectId: e.subjectId, createdAt: e.at })),
      });
      await systemDb.auditLog.createMany({ data: entries.map((e) => ({ tenantId: other.tenant.id, action: e.action, subjectType: "Thing", subjectId: e.subjectId, createdAt: e.at })) });
      const all = await systemDb.auditLog.findMany({ where: { tenantId: tenant.id }, include: { actor: true } });
      for (const filter of filters) {
        const q = (filter.q ?? filter.actor)?.toLowerCase();
        const matches = new Set(all.filter((e) =>
          (!filter.action || e.action === filter.action)
          && (!filter.from || e.createdAt >= new Date("2026-05-01T22:00:00Z")) // midnight in Brussels (summer time)
          && (!filter.actor || `${e.actor?.email}\u0001${e.actor?.name}`.toLowerCase().includes(q!))
          && (!filter.q || [e.action, e.subjectType, e.subjectId, e.actor?.email ?? "", e.actor?.name ?? ""].some((f) => f.toLowerCase().includes(q!))),
        ).map((e) => e.id));
        for (const sort of ["time", "action"] as const) {
          for (const dir of DIRS) {
            const ordered = await systemDb.auditLog.findMany({
              where: { tenantId: tenant.id, id: { in: [...matches] } },
              orderBy: sort === "action" ? [{ action: dir }, { createdAt: dir }, { id: dir }] : [{ createdAt: dir }, { id: dir }],
              select: { id: true },
            });
            const list = (at: { after?: string; before?: string }) =>
              listAudit(tenant, filter, { sort, dir, ...at } satisfies AuditList, SIZE).then((r) => ({ ...r, rows: r.entries }));
            const { forward, backward } = await walk(list);
            expect(forward).toEqual(ordered.map((e) => e.id));
            expect(backward).toEqual(forward);
            expect((await listAudit(tenant, filter, { sort, dir }, SIZE)).total).toEqual({ count: matches.size, more: false });
          }
        }
      }
    }), { numRuns: 6 });
  }, 240_000);

  it("reads forged cursors as the first page", async () => {
    const { tenant } = await createTown();
    await systemDb.auditLog.createMany({ data: MOMENTS.map((createdAt, i) => ({ tenantId: tenant.id, action: `a.${i}`, subjectType: "T", subjectId: "s", createdAt })) });
    const first = await listAudit(tenant, {}, { sort: "time", dir: "desc" }, 2);
    await fc.assert(fc.asyncProperty(forged, fc.boolean(), async (token, after) => {
      const page = await listAudit(tenant, {}, { sort: "time", dir: "desc", ...(after ? { after: token } : { before: token }) }, 2);
      expect(page.entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
      expect(page.prev).toBeNull();
    }), { numRuns: 40 });
  }, 60_000);
});

describe("organisations' applicants", () => {
  it("pages every applicant of the organisation's own vacancies once, by applied time or name, filtered and searched", async () => {
    const t = await createTown();
    const ctx = { ...t.tenant };
    const orgUser = await createUser("org");
    await systemDb.membership.create({ data: { tenantId: t.tenant.id, userId: orgUser.id, role: "ORGANISATION" } });
    await saveOrganisation(ctx, orgUser.id, { name: "Woonzorgcentrum", description: "" });
    const vacancies = [
      await postVacancy(ctx, orgUser.id, { title: "Meals", description: "Help with meals", places: 3, skills: [] }),
      await postVacancy(ctx, orgUser.id, { title: "Walks", description: "Walks in the park", places: 3, skills: [] }),
    ];
    await systemDb.vacancy.update({ where: { tenantId_id: { tenantId: t.tenant.id, id: vacancies[1].id } }, data: { status: "CLOSED" } });
    // Another organisation in the same town: its applicants are never listed.
    const rivalUser = await createUser("rival");
    await systemDb.membership.create({ data: { tenantId: t.tenant.id, userId: rivalUser.id, role: "ORGANISATION" } });
    await saveOrganisation(ctx, rivalUser.id, { name: "Other", description: "" });
    const rival = await postVacancy(ctx, rivalUser.id, { title: "Other", description: "Other work", places: 3, skills: [] });
    const names = ["Ann", "Ann", "Bert", "Chloé", "dirk_50%", "Eva"];
    const volunteers: Awaited<ReturnType<typeof createVolunteer>>[] = [];
    for (const name of names) volunteers.push(await createVolunteer(t.tenant.id, [], { name }));
    const application = fc.record({ vacancy: fc.integer({ min: 0, max: 2 }), volunteer: fc.integer({ min: 0, max: names.length - 1 }), at: fc.constantFrom(...MOMENTS) });
    const lists: Omit<ApplicantList, "sort" | "dir" | "after" | "before">[] = [
      {}, { vacancy: vacancies[0].id }, { status: "CLOSED" }, { q: "ann" }, { q: "_50%" }, { q: volunteers[2].user.email.slice(0, 8) },
    ];
    await fc.assert(fc.asyncProperty(fc.uniqueArray(application, { selector: (a) => `${a.vacancy}-${a.volunteer}`, maxLength: 14 }), async (applications) => {
      await systemDb.vacancyApplication.deleteMany({ where: { tenantId: t.tenant.id } });
      const vacancyIds = [vacancies[0].id, vacancies[1].id, rival.id];
      await systemDb.vacancyApplication.createMany({
        data: applications.map((a) => ({ tenantId: t.tenant.id, vacancyId: vacancyIds[a.vacancy], volunteerId: volunteers[a.volunteer].profile.id, createdAt: a.at })),
      });
      const all = await systemDb.vacancyApplication.findMany({ where: { tenantId: t.tenant.id }, include: { volunteer: { include: { user: true } }, vacancy: true } });
      for (const filter of lists) {
        const matches = new Set(all.filter((a) => a.vacancyId !== rival.id
          && (!filter.vacancy || a.vacancyId === filter.vacancy)
          && (!filter.status || a.vacancy.status === filter.status)
          && (!filter.q || [a.volunteer.name, a.volunteer.user.email].some((f) => f.toLowerCase().includes(filter.q!.toLowerCase())))).map((a) => a.id));
        for (const sort of ["applied", "name"] as const) {
          for (const dir of DIRS) {
            const ordered = await systemDb.vacancyApplication.findMany({
              where: { tenantId: t.tenant.id, id: { in: [...matches] } },
              orderBy: sort === "name" ? [{ volunteer: { name: dir } }, { id: dir }] : [{ createdAt: dir }, { id: dir }],
              select: { id: true },
            });
            const { forward, backward } = await walk(async (at) => (await listApplicants(ctx, orgUser.id, { ...filter, sort, dir, ...at }, SIZE))!);
            expect(forward).toEqual(ordered.map((a) => a.id));
            expect(backward).toEqual(forward);
          }
        }
      }
    }), { numRuns: 5 });

    // Forged cursors and a vacancy of another organisation: the first page, or nothing of theirs.
    const first = (await listApplicants(ctx, orgUser.id, { sort: "name", dir: "asc" }, SIZE))!;
    await fc.assert(fc.asyncProperty(forged, async (token) => {
      const page = (await listApplicants(ctx, orgUser.id, { sort: "name", dir: "asc", after: token }, SIZE))!;
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }), { numRuns: 30 });
    expect((await listApplicants(ctx, orgUser.id, { sort: "applied", dir: "desc", vacancy: rival.id }))!.rows).toEqual([]);
    // Someone without an organisation sees no list at all; another town's organisation user neither.
    expect(await listApplicants(ctx, (await createUser("nobody")).id, { sort: "applied", dir: "desc" })).toBeNull();
    const elsewhere = await createTown();
    expect(await listApplicants({ ...elsewhere.tenant }, orgUser.id, { sort: "applied", dir: "desc" })).toBeNull();
  }, 300_000);
});

describe("platform towns list", () => {
  it("pages every matching town once by name or sign-up time, with search (name, slug, domain), status and plan", async () => {
    const tag = uniqueSlug("tl").replace("-", "");
    const town = fc.record({
      name: fc.constantFrom("Aalst", "Aalst", "Brugge", "Çiney", "Zottegem"),
      at: fc.constantFrom(...MOMENTS),
      status: fc.constantFrom("ACTIVE" as const, "SUSPENDED" as const),
      plan: fc.constantFrom("FREE" as const, "PAID" as const),
      domain: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(town, { maxLength: 10 }), async (towns) => {
      await systemDb.tenant.deleteMany({ where: { slug: { startsWith: tag } } });
      for (const [i, t] of towns.entries()) {
        await systemDb.tenant.create({
          data: {
            slug: `${tag}-${i}`, name: `${t.name} ${tag}`, phone: "016 00 00 00", status: t.status, plan: t.plan, createdAt: t.at,
            ...(t.domain && { domains: { create: { host: `help.${i}.${tag}.example`, verificationToken: "x" } } }),
          },
        });
      }
      const mine = await systemDb.tenant.findMany({ where: { slug: { startsWith: tag } }, include: { domains: true } });
      const filters: TownFilter[] = [{ q: tag }, { q: `aalst ${tag}` }, { q: `.${tag}.example` }, { q: tag, status: "SUSPENDED" }, { q: tag, plan: "PAID" }];
      for (const filter of filters) {
        const q = filter.q!.toLowerCase();
        const matches = mine.filter((t) => (!filter.status || t.status === filter.status) && (!filter.plan || t.plan === filter.plan)
          && [t.name, t.slug, ...t.domains.map((d) => d.host)].some((f) => f.toLowerCase().includes(q))).map((t) => t.id);
        for (const sort of ["name", "created"] as const) {
          for (const dir of DIRS) {
            const ordered = await systemDb.tenant.findMany({
              where: { id: { in: matches } }, orderBy: sort === "name" ? [{ name: dir }, { id: dir }] : [{ createdAt: dir }, { id: dir }], select: { id: true },
            });
            const { forward, backward } = await walk((at) => listTowns({ ...filter, sort, dir, ...at }, SIZE));
            expect(forward).toEqual(ordered.map((t) => t.id));
            expect(backward).toEqual(forward);
            expect((await listTowns({ ...filter, sort, dir }, SIZE)).total).toEqual({ count: matches.length, more: false });
          }
        }
      }
    }), { numRuns: 5 });

    // Forged cursors: the first page (of this test's towns: other tests add towns meanwhile).
    const first = await listTowns({ q: tag, sort: "name", dir: "asc" }, SIZE);
    await fc.assert(fc.asyncProperty(forged, fc.boolean(), async (token, after) => {
      const page = await listTowns({ q: tag, sort: "name", dir: "asc", ...(after ? { after: token } : { before: token }) }, SIZE);
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }), { numRuns: 30 });
    await systemDb.tenant.deleteMany({ where: { slug: { startsWith: tag } } });
  }, 300_000);
});
