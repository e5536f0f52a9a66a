import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { actionForm, serverActionForms } from "./helpers/hostile";
import { Jar, multipart, send, type Reply } from "./helpers/http";
import { callAction, formData, outcome, serverActions, SESSION_COOKIE } from "./helpers/server-actions";
import { sql, town } from "./helpers/site";

// Issue 12 (items 0, 2, 3, 6) against the running production build, as a
// client that forges whatever headers it likes.

const LEUVEN = town("leuven", ""); // the site's canonical origin, http://leuven.localhost:<port>
const GENT_DOMAIN = "helpt.gent-e2e.test";

const signInAction = () => {
  const action = serverActions().find((a) => a.file === "lib/sign-in/actions.ts" && a.name === "requestMagicLink");
  if (!action) throw new Error("the sign-in action is not in the build");
  return action.id;
};

/** Asks for a sign-in link on Leuven's sign-in form, as the browser's script does, with extra (forged) headers. */
const askLink = (email: string, headers: Record<string, string> = {}, jar = new Jar()) =>
  callAction(`${LEUVEN}/sign-in`, signInAction(), [{ email: "" }, formData({ email })], jar, { origin: LEUVEN, ...headers });

const resetSignInLimits = () => sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'magicLink%'`);

async function mailedLinks(email: string): Promise<string[]> {
  const mails = await sql<{ text: string }>(`SELECT text FROM "DevMailboxMessage" WHERE "to" = $1 ORDER BY "createdAt"`, [email]);
  return mails.flatMap((m) => m.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/g) ?? []);
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.be`;

// Hosts an attacker would point a link at, and header spellings that carry them.
const foreignHost = fc.oneof(
  fc.domain(),
  fc.constantFrom("evil.example", `gent.localhost:${E2E_PORT}`, `localhost:${E2E_PORT}`, GENT_DOMAIN, "evil.example:443", "127.0.0.1"),
);
const forgedHeaders = fc.record(
  {
    "x-forwarded-host": foreignHost,
    "x-forwarded-proto": fc.constantFrom("https", "http", "ftp"),
    "x-forwarded-port": fc.constantFrom("443", "80", "1"),
    forwarded: foreignHost.map((h) => `for=203.0.113.9;host=${h};proto=https`),
    "x-forwarded-for": fc.ipV4(),
  },
  { requiredKeys: ["x-forwarded-host"] },
);
// The town's own host as a client may type it.
const leuvenHost = fc.constantFrom(`leuven.localhost:${E2E_PORT}`, `LEUVEN.localhost:${E2E_PORT}`, `Leuven.Localhost:${E2E_PORT}`);

/** Every link in the mail points at the town's canonical origin, and so does the page it returns to. */
function expectCanonical(link: string | undefined) {
  expect(link, "a sign-in link was mailed").toBeTruthy();
  const url = new URL(link!);
  expect(url.origin).toBe(LEUVEN);
  expect(new URL(url.searchParams.get("callbackUrl")!).origin).toBe(LEUVEN);
}

test.describe("sign-in links follow no forged header (item 0)", () => {
  test("through the sign-in form", async () => {
    await fc.assert(
      fc.asyncProperty(forgedHeaders, leuvenHost, async (headers, host) => {
        await resetSignInLimits();
        const email = unique("forged");
        const reply = await askLink(email, { ...headers, host });
        expect(outcome(reply)).toBe("redirect:/sign-in/check-email");
        const links = await mailedLinks(email);
        expect(links).toHaveLength(1);
        expectCanonical(links[0]);
      }),
      { numRuns: 12 },
    );
  });

  test("through Auth.js's own endpoint", async () => {
    await fc.assert(
      fc.asyncProperty(forgedHeaders, leuvenHost, async (headers, host) => {
        const jar = new Jar();
        const csrf = await send(`${LEUVEN}/api/auth/csrf`, { jar, headers: { ...headers, host } });
        const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
        const email = unique("forged-api");
        const body = new URLSearchParams({ email, csrfToken, callbackUrl: `${LEUVEN}/volunteer` }).toString();
        const reply = await send(`${LEUVEN}/api/auth/signin/email`, {
          method: "POST", jar, body, headers: { ...headers, host, "content-type": "application/x-www-form-urlencoded" },
        });
        expect(reply.status, reply.body.slice(0, 200)).toBeLessThan(400);
        expect(new URL(String(reply.headers.location)).origin).toBe(LEUVEN);
        const links = await mailedLinks(email);
        expect(links).toHaveLength(1);
        expectCanonical(links[0]);
        expect(new URL(new URL(links[0]).searchParams.get("callbackUrl")!).pathname).toBe("/volunteer");
      }),
      { numRuns: 12 },
    );
  });

  test("a host that names no town gets no sign-in at all", async () => {
    const reply = await send(`http://evil.example:${E2E_PORT}/api/auth/csrf`);
    expect(reply.status).toBe(404);
  });
});

test.describe("a sign-in link works on the site it was asked on only (item 2)", () => {
  test("not on another town, its custom domain, or the apex", async () => {
    const [gent] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'gent'`);
    await sql(
      `INSERT INTO "Domain" (host, "tenantId", "verificationToken", "verifiedAt") VALUES ($1, $2, 'e2e', now())
       ON CONFLICT (host) DO UPDATE SET "verifiedAt" = now()`,
      [GENT_DOMAIN, gent.id],
    );
    await resetSignInLimits();
    const email = "volunteer1@leuven.example";
    const before = (await mailedLinks(email)).length;
    expect(outcome(await askLink(email))).toBe("redirect:/sign-in/check-email");
    const link = (await mailedLinks(email))[before];
    expectCanonical(link);

    for (const host of [`gent.localhost:${E2E_PORT}`, `${GENT_DOMAIN}:${E2E_PORT}`, `localhost:${E2E_PORT}`, `www.localhost:${E2E_PORT}`]) {
      const moved = new URL(link);
      const [name, port] = host.split(":");
      moved.hostname = name;
      moved.port = port;
      const jar = new Jar();
      const reply = await send(moved.href, { jar });
      expect(reply.status, host).toBeLessThan(500);
      expect(jar.get(name, SESSION_COOKIE), `a session on ${host}`).toBeUndefined();
    }
    // Refused elsewhere, the link still works where it was asked for.
    const jar = new Jar();
    await send(link, { jar });
    expect(jar.get("leuven.localhost", SESSION_COOKIE)).toBeTruthy();
  });
});

test.describe("rate limits count the town and the real client (item 3)", () => {
  test("forged client addresses neither choose nor reset the per-address counter", async () => {
    const forged = fc.record(
      {
        "x-forwarded-for": fc.array(fc.oneof(fc.ipV4(), fc.ipV6()), { minLength: 1, maxLength: 4 }).map((a) => a.join(", ")),
        forwarded: fc.ipV4().map((ip) => `for=${ip}`),
        "x-real-ip": fc.ipV4(),
      },
      { requiredKeys: ["x-forwarded-for"] },
    );
    await fc.assert(
      fc.asyncProperty(forged, async (headers) => {
        await resetSignInLimits();
        expect(outcome(await askLink(unique("ip"), headers))).toBe("redirect:/sign-in/check-email");
        const keys = (await sql<{ key: string }>(`SELECT key FROM "RateLimiterFlexible" WHERE key LIKE 'magicLinkPerIp:%'`)).map((r) => r.key);
        expect(keys).toEqual(["magicLinkPerIp:127.0.0.1"]);
      }),
      { numRuns: 10 },
    );
  });

  test("the per-address limit holds however the town's host is typed and whatever address is claimed", async () => {
    await resetSignInLimits();
    const email = unique("flood");
    const hosts = [`leuven.localhost:${E2E_PORT}`, "leuven.localhost", `LEUVEN.localhost:${E2E_PORT}`, "leuven.localhost.", `Leuven.Localhost.:${E2E_PORT}`];
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await askLink(email, { host: hosts[i % hosts.length], "x-forwarded-for": `198.51.100.${i + 1}` });
      outcomes.push(outcome(reply));
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("redirect:/sign-in/check-email"));
    expect(outcomes.slice(5)).toEqual(Array(3).fill("form-error:rateLimited"));
    expect(await mailedLinks(email)).toHaveLength(5);
  });
});

test.describe("smaller findings (item 6)", () => {
  test("a blocked account gets the same answer as an unknown address, and no mail", async () => {
    await resetSignInLimits();
    const blocked = unique("blocked");
    await sql(`INSERT INTO "User" (id, email, "blockedAt", "updatedAt") VALUES ($1, $2, now(), now())`, [`blocked-${Date.now()}`, blocked]);
    const unknown = unique("unknown");
    const [forBlocked, forUnknown] = [await askLink(blocked), await askLink(unknown)];
    expect(outcome(forBlocked)).toBe(outcome(forUnknown));
    expect(outcome(forBlocked)).toBe("redirect:/sign-in/check-email");
    expect(forBlocked.status).toBe(forUnknown.status);
    expect(await mailedLinks(blocked)).toHaveLength(0);
    expect(await mailedLinks(unknown)).toHaveLength(1);
  });

  test("an https Origin is not the http site of the same host", async () => {
    await resetSignInLimits();
    for (const origin of [LEUVEN.replace("http:", "https:"), `https://leuven.localhost`, `http://leuven.localhost`]) {
      const reply = await askLink(unique("origin"), { origin });
      expect(reply.status, origin).toBe(403);
    }
  });

  test("a resident's form sent again after a dropped connection shows the first confirmation", async () => {
    const page = await send(`${LEUVEN}/request`, { headers: { cookie: "helpt-locale=en" } });
    const form = serverActionForms(page.body).find((f) => f.fields.some((x) => x.name === "submissionKey"));
    expect(form, "the request form carries a submission key").toBeTruthy();
    const [category] = await sql<{ id: string }>(`SELECT c.id FROM "Category" c JOIN "Tenant" t ON t.id = c."tenantId" WHERE t.slug = 'leuven' AND c.active ORDER BY c.position LIMIT 1`);
    const fields: Record<string, string> = {
      submissionKey: form!.fields.find((x) => x.name === "submissionKey")!.values[0],
      categoryId: category.id, description: `Boodschappen ${Date.now()}`, timeWindow: "dinsdagvoormiddag", neighbourhood: "Centrum",
      postcode: "3000", name: "Maria Peeters", phone: "+32470123456", address: "Kerkstraat 1", contactMethod: "PHONE", consent: "on", website: "",
    };
    const post = async (): Promise<Reply> => {
      const { body: raw, contentType } = await multipart(actionForm(form!.actionId, form!.bound, Object.entries(fields), form!.actionKey));
      return send(`${LEUVEN}/request`, { method: "POST", body: raw, headers: { origin: LEUVEN, "content-type": contentType } });
    };
    const first = await post();
    const retry = await post();
    const reference = (r: Reply) => new URL(String(r.headers.location ?? r.headers["x-action-redirect"]), LEUVEN).searchParams.get("ref");
    expect(reference(first), first.body.slice(0, 300)).toBeTruthy();
    expect(reference(retry)).toBe(reference(first));
    const rows = await sql<{ n: string }>(`SELECT count(*) AS n FROM "HelpRequest" WHERE description = $1`, [fields.description]);
    expect(Number(rows[0].n)).toBe(1);
  });
});
