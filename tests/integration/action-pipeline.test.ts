// Next.js's own server environment first (it exposes AsyncLocalStorage, which its request scope needs).
import "next/dist/server/node-environment-baseline";
import fc from "fast-check";
import { PrismaPg } from "@prisma/adapter-pg";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { siteAction, townAction } from "@/lib/actions/pipeline";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { prisma } from "@/lib/db/client";
import { emptyForm } from "@/lib/forms/state";
import { createRequest } from "@/lib/requests/mutations";
import { noteAction, statusAction } from "@/lib/requests/actions";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { systemDb } from "@/lib/tenancy/system";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { createTown, createUser, requestInput } from "./helpers/factories";
import { asServerAction, revalidatedTags } from "./helpers/request-scope";

// The action pipeline (lib/actions/pipeline.ts) run as Next.js runs an
// action: real towns, sessions and database; only the framework's request
// scope is made by the test.

const SESSION_COOKIE = "authjs.session-token";

/** A signed-in person on `slug`'s site with `roles` there; the headers their browser's requests arrive with after proxy.ts. */
async function visitor(slug: string, tenantId: string, roles: ("COORDINATOR" | "VOLUNTEER")[]) {
  const user = await createUser("pipeline");
  for (const role of roles) await systemDb.membership.create({ data: { tenantId, userId: user.id, role } });
  const sessionToken = sessionTokenFor(slug);
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return { user, headers: { host: `${slug}.localhost`, [TENANT_HEADER]: slug, cookie: `${SESSION_COOKIE}=${sessionToken}` } };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/** What an action threw: Next's 404 or redirect, by their digests. */
async function thrown(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return { status: getAccessFallbackHTTPStatus(error) };
    if (isRedirectError(error)) return { redirect: (error as { digest: string }).digest.split(";")[2] };
    throw error;
  }
  throw new Error("expected the action to throw");
}

async function town() {
  const { tenant, categories } = await createTown();
  const request = await createRequest(tenant, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
  return { tenant, request };
}

describe("the action pipeline", () => {
  it("refuses a role the person lacks in this town with a 404, and sends the signed-out to sign in, changing nothing", async () => {
    const { tenant, request } = await town();
    const volunteer = await visitor(tenant.slug, tenant.id, ["VOLUNTEER"]);
    const call = (headers: Record<string, string>) =>
      asServerAction(headers, () => statusAction(request.id, emptyForm, form({ status: "CANCELLED" })));

    expect(await thrown(call(volunteer.headers))).toEqual({ status: 404 });
    const { cookie: _signedOut, ...anonymous } = volunteer.headers;
    expect(await thrown(call(anonymous))).toEqual({ redirect: "/sign-in" });
    expect((await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: request.id } } })).status).toBe("NEW");
  });

  it("answers invalid input with translated field errors and keeps every value typed", async () => {
    const { tenant, request } = await town();
    const coordinator = await visitor(tenant.slug, tenant.id, ["COORDINATOR"]);
    const keys = new Set(Object.keys(en.form.errors));
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.constantFrom("", " ", "\n\t"), async (other, blank) => {
        const state = await asServerAction(coordinator.headers, () => noteAction(request.id, emptyForm, form({ body: blank, other })));
        expect(state.errors.body).toBeDefined();
        expect(keys.has(state.errors.body)).toBe(true);
        expect(state.values).toMatchObject({ body: blank });
        expect(state.values.other).toBe(other.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").toWellFormed());
      }),
      { numRuns: 25 },
    );
    expect(await systemDb.requestNote.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("succeeds, revalidates the town's pages and resets the form", async () => {
    const { tenant, request } = await town();
    const coordinator = await visitor(tenant.slug, tenant.id, ["COORDINATOR"]);
    const tags = await asServerAction(coordinator.headers, async () => {
      expect(await noteAction(request.id, emptyForm, form({ body: "Called back, all fine" }))).toEqual({ values: {}, errors: {} });
      return revalidatedTags();
    });
    expect(tags.length).toBeGreaterThan(0);
    expect(await systemDb.requestNote.count({ where: { tenantId: tenant.id, requestId: request.id } })).toBe(1);
  });

  it("turns a database that is away into the translated 'unavailable' error with the values kept", async () => {
    const { tenant } = await createTown();
    // A client on a port where no database listens: the error a restart gives.
    const away = new PrismaClient({ adapter: new PrismaPg({ host: "127.0.0.1", port: 1, user: "x", password: "x", database: "x", connectionTimeoutMillis: 2_000 }) });
    const state = await asServerAction({ host: `${tenant.slug}.localhost`, [TENANT_HEADER]: tenant.slug }, () =>
      townAction(form({ name: "Maria" }), { who: "anyone" }, async () => {
        await away.tenant.count();
      }),
    );
    expect(state).toEqual({ values: { name: "Maria" }, errors: {}, formError: "unavailable" });
    for (const messages of [nl, fr, en]) expect(messages.form.formErrors.unavailable).toBeTruthy();
  });

  it("takes the town from the proxy's header only, whatever the form and bound argument claim", async () => {
    const a = await createTown();
    const b = await createTown();
    const headers = { host: `${a.tenant.slug}.localhost`, [TENANT_HEADER]: a.tenant.slug };
    const claim = fc.constantFrom(b.tenant.id, b.tenant.slug, `${b.tenant.slug}.localhost`);
    const field = fc.constantFrom("tenantId", "tenant", TENANT_HEADER, "slug", "host", "id");
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, claim), claim, async (fields, boundClaim) => {
        const seen = await asServerAction(headers, () => {
          let tenantId = "";
          return townAction(form(fields), { who: "anyone", id: boundClaim }, async ({ tenant, id }) => {
            tenantId = tenant.id;
            expect(id).toBe(boundClaim); // the bound argument stays an argument, never the scope
          }).then(() => tenantId);
        });
        expect(seen).toBe(a.tenant.id);
      }),
      { numRuns: 40 },
    );
  });

  it("answers 404 for a town action on the apex or an unknown host, and for a forged form argument", async () => {
    const { tenant } = await createTown();
    const body = async () => { throw new Error("must not run"); };
    expect(await thrown(asServerAction({ host: "localhost" }, () => townAction(form({ tenantId: tenant.id }), { who: "anyone" }, body)))).toEqual({ status: 404 });
    expect(await thrown(asServerAction({ host: "nowhere.localhost", [TENANT_HEADER]: "no-such-town" }, () => townAction(form({}), { who: "anyone" }, body)))).toEqual({ status: 404 });
    const headers = { host: `${tenant.slug}.localhost`, [TENANT_HEADER]: tenant.slug };
    for (const forged of ["text", { a: 1 }, null, 42]) {
      expect(await thrown(asServerAction(headers, () => siteAction(forged, { who: "anyone" }, body)))).toEqual({ status: 404 });
    }
  });
});
