import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { migrate } from "../../scripts/lib/database";
import { startPostgresCluster, type PostgresCluster } from "../../scripts/lib/postgres-cluster";
import { freePort } from "../../scripts/lib/ports";
import { ROOT, startCli } from "../../scripts/lib/run";

// PostgreSQL restarted in the middle of a load of help-request submissions.
// The production build (made by Playwright's web server) runs a second time,
// against an embedded PostgreSQL cluster of this test's own. Residents submit
// the public form as a browser without JavaScript would, from several
// connections at once; halfway the server is restarted (pg_ctl restart -m fast). Afterwards:
// every submission that was answered with its reference is in the database,
// and submissions made after the restart succeed again, without restarting
// the app. The figures go to test-results/faults-counts.json.

const TOWN = { id: "fault-town", slug: "faultville" };
const WORKERS = 4;
const BEFORE_RESTART = 40; // successes before the restart
const AFTER_RESTART = 60; // submissions started after the restart, all of which must succeed
const MAX_SUBMISSIONS = 250; // below the town's hourly limit (300)

type Reply = { status: number; location: string | null; body: string };
type Outcome = { n: number; startedAt: number; endedAt: number; reference?: string; error?: string };

/** HTTP to the town's site on 127.0.0.1 with its Host header (Node cannot resolve *.localhost everywhere, nor fetch set Host). */
function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { host: `${TOWN.slug}.localhost:${port}`, ...headers }, timeout: 20_000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The request form's hidden fields (React's $ACTION_* among them) and the first category, read from the page's HTML. */
function readForm(html: string): { hidden: [string, string][]; categoryId: string } {
  const form = (html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes('name="consent"')) ?? "";
  const attr = (tag: string, name: string) => {
    const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
    return m ? unescapeHtml(m[1]) : undefined;
  };
  const inputs = form.match(/<input\b[^>]*>/g) ?? [];
  const hidden = inputs.filter((t) => attr(t, "type") === "hidden" && attr(t, "name")).map((t) => [attr(t, "name")!, attr(t, "value") ?? ""] as [string, string]);
  const categoryId = inputs.map((t) => (attr(t, "name") === "categoryId" ? attr(t, "value") : undefined)).find(Boolean) ?? "";
  return { hidden, categoryId };
}

test.describe("faults", () => {
  let cluster: PostgresCluster | undefined;
  let server: ChildProcess | undefined;
  let serverLog = "";

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await cluster?.stop();
  });

  test("PostgreSQL restarted mid-load: nothing acknowledged is lost, the app recovers by itself", async () => {
    test.setTimeout(240_000);
    cluster = await startPostgresCluster();
    // The roles of production: the owner migrates, the web app logs in as helpt_web behind row-level security.
    const { ownerUrl, appUrl } = await cluster.createHelptDatabase("helpt");
    await migrate(ownerUrl);
    // Arranging and counting as the superuser, whom row-level security does not hold back.
    const db = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => cluster!.sql<T>("helpt", text, values);
    await db(`INSERT INTO "Tenant" (id, slug, name, phone, "updatedAt") VALUES ($1, $2, 'Faultville', '016 00 00 00', now())`, [TOWN.id, TOWN.slug]);
    await db(`INSERT INTO "Category" ("tenantId", id, key, labels) VALUES ($1, 'fault-groceries', 'groceries', '{"nl":"Boodschappen","fr":"Courses","en":"Groceries"}')`, [TOWN.id]);

    // The same production build as the other end-to-end tests, pointed at this cluster.
    const port = await freePort();
    server = startCli("next", ["start", "-p", String(port)], {
      ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, ROOT_DOMAIN: "localhost",
      AUTH_SECRET: "faults-secret-faults-secret-faults-0000", RESEND_API_KEY: "", STRIPE_SECRET_KEY: "",
      HELPT_DEMO: "1", // configured as the demo launcher configures it (development mailbox, no e-mail provider)
      // The residents stand behind a proxy on loopback: their X-Forwarded-For is what the per-address limit counts.
      TRUSTED_PROXIES: "127.0.0.1,::1",
    }, true);
    server.stdout?.on("data", (d) => (serverLog += d));
    server.stderr?.on("data", (d) => (serverLog += d));
    await expect.poll(() => send(port, "GET", "/api/health").then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);

    const page = await send(port, "GET", "/request");
    expect(page.status).toBe(200);
    const form = readForm(page.body);
    expect(form.hidden.map(([name]) => name)).toContainEqual(expect.stringMatching(/^\$ACTION_/));
    expect(form.categoryId).toBe("fault-groceries");

    const runId = randomBytes(3).toString("hex");
    /** One resident's submission, posted as a browser without JavaScript posts the form (multipart, no Next-Action header). */
    async function submit(n: number): Promise<Reply> {
      const data = new FormData();
      for (const [name, value] of form.hidden) data.append(name, value);
      const fields = {
        categoryId: form.categoryId, description: `Fault ${runId} #${n}: groceries for this week`, timeWindow: "Tuesday morning",
        postcode: "3000", neighbourhood: "Centrum", name: `Resident ${n}`, contactMethod: "PHONE", phone: "0470 12 34 56",
        address: "Kerkstraat 1", contactless: "on", consent: "on", website: "",
      };
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      const encoded = new Response(data);
      const body = Buffer.from(await encoded.arrayBuffer());
      // A different address per resident, as in real life: the per-address limit is not what is tested here.
      const ip = `10.77.${n >> 8}.${n & 255}`;
      return send(port, "POST", "/request", {
        "content-type": encoded.headers.get("content-type")!, origin: `http://${TOWN.slug}.localhost:${port}`, "x-forwarded-for": ip,
      }, body);
    }

    const outcomes: Outcome[] = [];
    const restart = { startedAt: Infinity, endedAt: Infinity };
    let next = 0;
    let startedAfterRestart = 0;
    let stop = false;
    const worker = async () => {
      while (!stop && next < MAX_SUBMISSIONS) {
        const n = next++;
        const startedAt = Date.now();
        if (startedAt > restart.endedAt) startedAfterRestart++;
        const outcome: Outcome = { n, startedAt, endedAt: 0 };
        try {
          const reply = await submit(n);
          const reference = reply.status === 303 ? reply.location?.match(/\/request\/thanks\?ref=([A-Z0-9-]+)$/)?.[1] : undefined;
          if (reference) outcome.reference = reference;
          else outcome.error = `HTTP ${reply.status}${reply.location ? ` → ${reply.location}` : ""}`;
        } catch (error) {
          outcome.error = (error as Error).message;
        }
        outcome.endedAt = Date.now();
        outcomes.push(outcome);
        if (startedAfterRestart >= AFTER_RESTART) stop = true;
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, worker));
    await expect
      .poll(() => outcomes.filter((o) => o.reference).length, { timeout: 60_000, intervals: [50], message: `before the restart; first errors: ${JSON.stringify(outcomes.slice(0, 3))}` })
      .toBeGreaterThanOrEqual(BEFORE_RESTART);
    restart.startedAt = Date.now();
    await cluster.restart();
    restart.endedAt = Date.now();
    await load;

    // Count: what the residents were told against what the database holds.
    const rows = await db<{ reference: string; description: string }>(`SELECT reference, description FROM "HelpRequest" WHERE "tenantId" = $1`, [TOWN.id]);
    const stored = new Map(rows.map((r) => [r.reference, r.description]));
    const succeeded = outcomes.filter((o) => o.reference);
    const failed = outcomes.filter((o) => !o.reference);
    const lost = succeeded.filter((o) => !stored.get(o.reference!)?.includes(`#${o.n}:`));
    const after = outcomes.filter((o) => o.startedAt > restart.endedAt);
    const failedAfter = after.filter((o) => !o.reference);
    const counts = {
      submitted: outcomes.length,
      succeeded: succeeded.length,
      failed: failed.length,
      failedDuringRestart: failed.filter((o) => o.endedAt >= restart.startedAt && o.startedAt <= restart.endedAt).length,
      submittedAfterRestart: after.length,
      succeededAfterRestart: after.length - failedAfter.length,
      failedAfterRestart: failedAfter.length,
      lost: lost.length,
      // Answered with an error, yet stored: the commit happened, the answer did not arrive. Not a loss.
      storedWithoutConfirmation: failed.filter((o) => rows.some((r) => r.description.includes(`#${o.n}:`))).length,
      rowsInDatabase: rows.length,
      restartMs: restart.endedAt - restart.startedAt,
      concurrentSubmitters: WORKERS,
      errors: Object.fromEntries(
        [...new Set(failed.map((o) => o.error!))].map((e) => [e, failed.filter((o) => o.error === e).length]),
      ),
    };
    mkdirSync(join(ROOT, "test-results"), { recursive: true });
    writeFileSync(join(ROOT, "test-results", "faults-counts.json"), `${JSON.stringify(counts, null, 2)}\n`);
    await test.info().attach("faults-counts.json", { body: JSON.stringify(counts, null, 2), contentType: "application/json" });
    console.log(`[faults] PostgreSQL restart under load: ${JSON.stringify(counts)}`);

    expect(lost.map((o) => o.reference), "answered with a reference but not in the database").toEqual([]);
    expect(counts.succeeded).toBeGreaterThanOrEqual(BEFORE_RESTART);
    expect(after.length).toBeGreaterThanOrEqual(AFTER_RESTART);
    expect(failedAfter.map((o) => `#${o.n}: ${o.error}`), `failed after the restart (server log):\n${serverLog.slice(-3000)}`).toEqual([]);
    // Those caught by the restart get their form back (what they typed, "send it again"), never a server error.
    expect(failed.filter((o) => /^HTTP 5/.test(o.error!)).map((o) => `#${o.n}: ${o.error}`), `server errors (server log):\n${serverLog.slice(-3000)}`).toEqual([]);
    // The app still serves the form and its health check without having been restarted.
    expect(server.exitCode).toBeNull();
    expect((await send(port, "GET", "/api/health")).status).toBe(200);
  });
});
