// Next.js's own server environment first (it exposes AsyncLocalStorage, which its request scope needs).
import "next/dist/server/node-environment-baseline";
import fc from "fast-check";
import pg from "pg";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { describe, expect, it } from "vitest";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { databasePool, prisma } from "@/lib/db/client";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { attempt } from "@/lib/forms/attempt";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { systemDb } from "@/lib/tenancy/system";
import { saveProfileAction } from "@/lib/volunteers/actions";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { createTown, createUser } from "./helpers/factories";
import { asServerAction } from "./helpers/request-scope";

// A burst of work on a full connection pool (issue 16: 25 sign-ups at a time
// on 10 connections gave HTTP 500s): it waits for a connection and completes,
// or, past the wait, the form comes back with what was typed. Never an error.

type Town = Awaited<ReturnType<typeof createTown>>;

/** Someone signed in on the town's site, about to register; the headers their action arrives with. */
async function newcomer(t: Town, i: number) {
  const user = await createUser("burst");
  const sessionToken = sessionTokenFor(t.tenant.slug);
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  const headers = { host: `${t.tenant.slug}.localhost`, [TENANT_HEADER]: t.tenant.slug, cookie: `authjs.session-token=${sessionToken}`, "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` };
  return { user, headers };
}

function registration(t: Town, i: number) {
  const fd = new FormData();
  const fields: [string, string][] = [
    ["name", `Burst Volunteer ${i}`], ["phone", `0470 ${String(100000 + i).slice(-6).replace(/(\d\d)(\d\d)(\d\d)/, "$1 $2 $3")}`],
    ["postcode", "3000"], ["maxDistanceKm", "5"], ["categoryIds", t.categories[0].id], ["languages", "nl"], ["availability", "TUE_MORNING"], ["codeOfConduct", "on"],
  ];
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}

/**
 * Holds back every new volunteer profile for `ms` (a table lock, as a slow
 * database under load would): the registrations that reach their insert keep
 * their connections meanwhile, and the rest of the burst queues for the pool.
 * Resolves once the lock is taken, to its release.
 */
async function slowInserts(ms: number): Promise<{ released: Promise<void> }> {
  const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  await owner.query("BEGIN");
  await owner.query(`LOCK TABLE "VolunteerProfile" IN SHARE ROW EXCLUSIVE MODE`);
  const released = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(async () => {
    await owner.query("COMMIT");
    await owner.end();
  });
  return { released };
}

/** Takes every connection of the app's pool for `ms`; resolves once they are all held, to their release. */
async function occupyPool(ms: number): Promise<{ released: Promise<void> }> {
  await prisma.$queryRaw`SELECT 1`; // the pool exists
  const pool = databasePool() as unknown as { options: { max: number }; connect(): Promise<{ release(): void }> };
  const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
  return { released: new Promise<void>((resolve) => setTimeout(() => { held.forEach((c) => c.release()); resolve(); }, ms)) };
}

/** What the action did: its redirect, or the form state it returned (anything else is thrown on: a server error). */
async function outcome(call: Promise<FormState>): Promise<{ redirect: string } | { state: FormState }> {
  try {
    return { state: await call };
  } catch (error) {
    if (isRedirectError(error)) return { redirect: (error as { digest: string }).digest.split(";")[2] };
    throw error;
  }
}

describe("overload", () => {
  it("registrations queued behind a full pool complete, each stored once, never a server error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 16, max: 24 }), fc.integer({ min: 3_000, max: 4_000 }), async (burst, ms) => {
        const t = await createTown();
        const people = await Promise.all(Array.from({ length: burst }, (_, i) => newcomer(t, i)));
        const busy = await slowInserts(ms); // longer than Prisma's default 2 s wait for a connection
        const results = await Promise.all(people.map((p, i) =>
          outcome(asServerAction(p.headers, () => saveProfileAction(emptyForm, registration(t, i))))));
        await busy.released;
        expect(results).toEqual(people.map(() => ({ redirect: "/volunteer?saved=1" })));
        const stored = await systemDb.volunteerProfile.groupBy({ by: ["userId"], where: { tenantId: t.tenant.id }, _count: { _all: true } });
        expect(stored.map((s) => s._count._all)).toEqual(people.map(() => 1));
      }),
      { numRuns: 3 },
    );
  }, 120_000);

  it("past the wait, gives the form back with what was typed and a translated message", async () => {
    const busy = await occupyPool(1_500);
    // Prisma's own error for work that found no connection in time (a 100 ms wait here, 10 s in the app).
    const error = await prisma.$transaction([prisma.$queryRaw`SELECT 1`, prisma.$queryRaw`SELECT 2`], { maxWait: 100 }).then(() => null, (e: unknown) => e);
    await busy.released;
    expect(error).not.toBeNull();
    const values = { name: "Burst Volunteer", phone: "0470 12 34 56" };
    const state = await attempt(values, () => Promise.reject(error));
    expect(state).toEqual({ values, errors: {}, formError: "busy" });
    for (const messages of [nl, fr, en, de]) expect(messages.form.formErrors.busy).toMatch(/\S/);
  }, 30_000);
});
