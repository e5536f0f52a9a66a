// Next.js's own server environment first (it exposes AsyncLocalStorage, which its request scope needs).
import "next/dist/server/node-environment-baseline";
import { describe, expect, it, vi } from "vitest";
import { currentSession } from "@/lib/auth/session";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-limits";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { prisma } from "@/lib/db/client";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { createUser, uniqueSlug } from "./helpers/factories";
import { asServerAction } from "./helpers/request-scope";
import { statementsOf } from "./helpers/statements";

// Most town-page views are anonymous: they must not pay for a session lookup,
// while every cookie Auth.js would read still gets its full check.

const site = "current-session-town";
const scope = (cookie: string | undefined, proto = "http") =>
  ({ host: `${site}.localhost`, [TENANT_HEADER]: site, "x-forwarded-proto": proto, ...(cookie === undefined ? {} : { cookie }) });
const sessionOn = (headers: Record<string, string>) => asServerAction(headers, () => currentSession());

async function signedIn(expiresInMs = 3_600_000) {
  const user = await createUser("session");
  const sessionToken = sessionTokenFor(site);
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + expiresInMs) } });
  return { user, sessionToken };
}

describe("currentSession", () => {
  it("sends no statement and builds no Auth.js request for a visitor without a session cookie", async () => {
    await prisma.$queryRaw`SELECT 1`; // the pool exists
    // auth() answers through Auth.js's handler: a `Request` it builds for itself.
    const requests = vi.spyOn(globalThis, "Request");
    try {
      for (const cookie of [undefined, "", "NEXT_LOCALE=nl", "authjs.csrf-token=abc; authjs.callback-url=%2F", "session-token=x"]) {
        let session: unknown = "unset";
        expect(await statementsOf(async () => (session = await sessionOn(scope(cookie))))).toEqual([]);
        expect(session).toBeNull();
      }
      expect(requests).not.toHaveBeenCalled();
      await sessionOn(scope(`authjs.session-token=${sessionTokenFor(site)}`));
      expect(requests).toHaveBeenCalled(); // the spy sees auth()'s request
    } finally {
      requests.mockRestore();
    }
  });

  it("still looks up, and rejects, a forged or expired session cookie", async () => {
    const forged = `authjs.session-token=${sessionTokenFor(site)}`;
    const statements = await statementsOf(async () => expect(await sessionOn(scope(forged))).toBeNull());
    expect(statements.some((s) => s.includes(`"Session"`))).toBe(true);
    const { sessionToken } = await signedIn(-1_000);
    expect(await sessionOn(scope(`authjs.session-token=${sessionToken}`))).toBeNull();
  });

  it("finds the signed-in user by the plain, the __Secure- and a chunked cookie", async () => {
    const { user, sessionToken } = await signedIn();
    const half = sessionToken.length >> 1;
    for (const [cookie, proto] of [
      [`NEXT_LOCALE=fr; authjs.session-token=${sessionToken}`, "http"],
      [`__Secure-authjs.session-token=${sessionToken}`, "https"],
      [`authjs.session-token.1=${sessionToken.slice(half)}; authjs.session-token.0=${sessionToken.slice(0, half)}`, "http"],
    ]) {
      expect((await sessionOn(scope(cookie, proto)))?.user).toMatchObject({ id: user.id, email: user.email });
    }
  });

  it("reads a session and its user with one statement (when its deadline needs no push)", async () => {
    const { user, sessionToken } = await signedIn(SESSION_IDLE_SECONDS * 1000);
    let session: Awaited<ReturnType<typeof currentSession>> = null;
    const statements = await statementsOf(async () => (session = await sessionOn(scope(`authjs.session-token=${sessionToken}`))));
    expect(statements).toHaveLength(1);
    expect(session!.user).toEqual({ id: user.id, email: user.email, name: user.name, isPlatformAdmin: false });
  });
});
