import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { connect } from "node:tls";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freePort } from "../../scripts/lib/ports";
import { ROOT } from "../../scripts/lib/run";
import { startFakeResend } from "../integration/helpers/fake-resend";
import { startPostgresCluster, type PostgresCluster } from "../../scripts/lib/postgres-cluster";

// The deployment docs/operations.md describes, run for real: PostgreSQL with
// the roles of deploy/postgres/init-roles.sh, `npm run db:deploy`, two web
// instances of the production artefact (node .next/standalone/server.js, the
// same AUTH_SECRET and server-actions key), a worker (node dist/worker.mjs)
// and Caddy in front with deploy/caddy/sites.caddy, its internal CA standing
// in for Let's Encrypt. In CI the artefact is the clean `npm ci --omit=dev`
// tree of scripts/ci/production-artefact.sh run by Node 24 (HELPT_ARTEFACT_DIR,
// HELPT_ARTEFACT_NODE); elsewhere this checkout's build and Node.

const ARTEFACT = process.env.HELPT_ARTEFACT_DIR ?? ROOT;
const NODE = process.env.HELPT_ARTEFACT_NODE ?? process.execPath;
const ROOT_DOMAIN = "helpt.test";
const TOWNS = [{ id: "prod-leuven", slug: "leuven", name: "Leuven Productie" }, { id: "prod-gent", slug: "gent", name: "Gent Productie" }];
const ADMIN = "admin@leuven.example";
const VERIFIED = "hulp.leuven-stad.example";
const UNVERIFIED = "hulp.gent-stad.example";
const CADDY = process.env.CADDY_PATH ?? "/usr/bin/caddy";
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

type Reply = { status: number; location: string | null; body: string };

/** HTTP straight to one web instance, with the headers Caddy adds. */
function direct(port: number, method: string, path: string, host: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1", port, method, path, timeout: 30_000,
      headers: { host, "x-forwarded-proto": "https", "x-forwarded-host": host, "x-forwarded-for": "127.0.0.1", ...headers },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: text }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

/** A TLS handshake with Caddy for `name`: the certificate's subject names, checked against Caddy's root, or the error. */
function handshake(port: number, name: string, ca: string): Promise<{ ok: true; names: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, servername: name, ca, timeout: 20_000 }, () => {
      const names = socket.getPeerCertificate().subjectaltname ?? "";
      socket.end();
      resolve({ ok: true, names });
    });
    socket.on("error", (error) => resolve({ ok: false, error: error.message }));
    socket.on("timeout", () => socket.destroy(new Error("timeout")));
  });
}

const unescapeHtml = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields (React's $ACTION_* among them) of the form that has a field named `field`. */
function actionForm(html: string, field: string): [string, string][] {
  const form = (html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes(`name="${field}"`)) ?? "";
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  return (form.match(/<input\b[^>]*>/g) ?? [])
    .filter((t) => attr(t, "type") === "hidden" && attr(t, "name"))
    .map((t) => [unescapeHtml(attr(t, "name")!), unescapeHtml(attr(t, "value") ?? "")]);
}

/** The production artefact of this checkout, completed when `next build` (e.g. the launcher's) is newer than it. */
function ensureLocalArtefact() {
  const buildId = join(ROOT, ".next/BUILD_ID");
  if (!existsSync(join(ROOT, ".next/standalone/server.js")) || !existsSync(buildId)) throw new Error("No production build: run `npm run build` first.");
  const worker = join(ROOT, "dist/worker.mjs");
  const stale = !existsSync(worker) || !existsSync(join(ROOT, ".next/standalone/.next/static")) || statSync(worker).mtimeMs < statSync(buildId).mtimeMs;
  if (stale) {
    const run = spawnSync(process.execPath, ["scripts/build/finish.mjs"], { cwd: ROOT, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`scripts/build/finish.mjs failed:\n${run.stdout}${run.stderr}`);
  }
}

test.use({
  locale: "en-GB",
  launchOptions: {
    executablePath: chromium,
    args: [
      "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      // The test's host names all lead to Caddy on loopback.
      `--host-resolver-rules=MAP ${ROOT_DOMAIN} 127.0.0.1, MAP *.${ROOT_DOMAIN} 127.0.0.1, MAP *.example 127.0.0.1`,
      "--ignore-certificate-errors", // Caddy's internal CA is not in Chromium's store; the handshakes below check it instead
    ],
  },
});

test.describe("production deployment behind Caddy", () => {
  // init-roles.sh runs psql, as the deployment does.
  const psql = spawnSync("psql", ["--version"]).status === 0;
  const skip = existsSync(CADDY) ? (psql ? null : "psql is not installed: apt-get install postgresql-client") : `Caddy is not installed (${CADDY}): apt-get install caddy`;
  if (skip && process.env.CI) throw new Error(`CI needs this test: ${skip}`);
  test.skip(!!skip, skip ?? "");
  // First requests are slow: certificates are issued and pages rendered for the first time.
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let cluster: PostgresCluster | undefined;
  let dir = "";
  let ownerUrl = "";
  let caddyPort = 0;
  let rootCa = "";
  const processes: { name: string; child: ChildProcess; log: string[] }[] = [];
  const web: number[] = [];
  let resend: Awaited<ReturnType<typeof startFakeResend>> | undefined;

  const db = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => cluster!.sql<T>("helpt", text, values);
  const logs = () => processes.map((p) => `--- ${p.name} ---\n${p.log.join("").slice(-3000)}`).join("\n");
  const start = (name: string, command: string, args: string[], env: Record<string, string | undefined>, cwd = ARTEFACT) => {
    const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    const log: string[] = [];
    child.stdout!.on("data", (d) => log.push(String(d)));
    child.stderr!.on("data", (d) => log.push(String(d)));
    processes.push({ name, child, log });
    return child;
  };
  const https = (host: string, path = "/") => `https://${host}:${caddyPort}${path}`;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    if (!process.env.HELPT_ARTEFACT_DIR) ensureLocalArtefact();
    dir = mkdtempSync(join(tmpdir(), "helpt-production-"));

    // PostgreSQL, with the roles and database the deployment's init script creates.
    cluster = await startPostgresCluster();
    const superuser = new URL(cluster.url());
    const [ownerPassword, webPassword, systemPassword] = [0, 1, 2].map(() => randomBytes(12).toString("hex"));
    const init = spawnSync("bash", [join(ROOT, "deploy/postgres/init-roles.sh")], {
      encoding: "utf8",
      env: {
        ...process.env, PGHOST: "127.0.0.1", PGPORT: String(cluster.port), PGPASSWORD: decodeURIComponent(superuser.password),
        POSTGRES_USER: "postgres", POSTGRES_DB: "postgres", HELPT_OWNER_PASSWORD: ownerPassword, HELPT_WEB_PASSWORD: webPassword, HELPT_SYSTEM_PASSWORD: systemPassword,
      },
    });
    expect(init.status, `init-roles.sh: ${init.stdout}${init.stderr}`).toBe(0);
    ownerUrl = `postgresql://helpt:${ownerPassword}@127.0.0.1:${cluster.port}/helpt?sslmode=disable`;
    const appUrl = `postgresql://helpt_web:${webPassword}@127.0.0.1:${cluster.port}/helpt?sslmode=disable`;
    const systemUrl = `postgresql://helpt_system:${systemPassword}@127.0.0.1:${cluster.port}/helpt?sslmode=disable`;

    resend = await startFakeResend();
    const [portA, portB, https_, http_] = [await freePort(), await freePort(), await freePort(), await freePort()];
    caddyPort = https_;
    const env: Record<string, string | undefined> = {
      PATH: `${dirname(NODE)}${delimiter}${process.env.PATH}`, HOME: process.env.HOME,
      // The image's environment (Dockerfile ENV), then the deployment's settings (.env.example).
      NODE_ENV: "production", HOSTNAME: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, DATABASE_SYSTEM_URL: systemUrl,
      // The public address, Caddy's port included (a real deployment serves 443): every URL and the
      // Origin check are built from it.
      ROOT_DOMAIN: `${ROOT_DOMAIN}:${caddyPort}`,
      AUTH_SECRET: randomBytes(32).toString("base64"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      RESEND_API_KEY: "re_production_test", RESEND_BASE_URL: resend.url, EMAIL_FROM: "Helpt <noreply@helpt.test>",
      HELPT_OPERATOR_NAME: "Production Test Operator BV", HELPT_OPERATOR_ADDRESS: "Teststraat 1, 3000 Leuven",
    };

    // The migration step, as documented.
    const migrate = spawnSync("npm", ["run", "db:deploy"], { cwd: ARTEFACT, env: env as NodeJS.ProcessEnv, encoding: "utf8" });
    expect(migrate.status, `npm run db:deploy: ${migrate.stdout}${migrate.stderr}`).toBe(0);

    // Two towns, an admin in one, a custom domain for each (Leuven's gets verified below).
    for (const t of TOWNS) {
      await db(`INSERT INTO "Tenant" (id, slug, name, phone, "updatedAt") VALUES ($1, $2, $3, '016 00 00 00', now())`, [t.id, t.slug, t.name]);
    }
    await db(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('prod-admin', $1, now())`, [ADMIN]);
    await db(`INSERT INTO "Membership" ("tenantId", id, "userId", role) VALUES ('prod-leuven', 'prod-admin-m', 'prod-admin', 'ADMIN')`);
    await db(`INSERT INTO "Domain" (host, "tenantId", "verificationToken") VALUES ($1, 'prod-leuven', 'x'), ($2, 'prod-gent', 'y')`, [VERIFIED, UNVERIFIED]);

    for (const port of [portA, portB]) {
      start(`web :${port}`, NODE, [".next/standalone/server.js"], { ...env, PORT: String(port) });
      web.push(port);
    }
    start("worker", NODE, ["dist/worker.mjs"], env);
    for (const port of web) {
      await expect.poll(() => direct(port, "GET", "/api/health", "127.0.0.1").then((r) => r.status, () => 0), { timeout: 90_000, message: logs() }).toBe(200);
    }

    // Caddy with the deployment's sites file; its internal CA instead of Let's Encrypt, no admin endpoint.
    const caddyfile = join(dir, "Caddyfile");
    writeFileSync(caddyfile, `{
	admin off
	local_certs
	skip_install_trust
	http_port ${http_}
	https_port ${https_}
	storage file_system ${join(dir, "caddy")}
	on_demand_tls {
		ask http://127.0.0.1:${portA}/api/tls/ask
	}
}
(helpt_upstreams) {
	to 127.0.0.1:${portA} 127.0.0.1:${portB}
}
import ${join(ROOT, "deploy/caddy/sites.caddy")}
`);
    mkdirSync(join(dir, "home"));
    start("caddy", CADDY, ["run", "--config", caddyfile, "--adapter", "caddyfile"], {
      PATH: process.env.PATH, HOME: join(dir, "home"), XDG_CONFIG_HOME: join(dir, "home"), XDG_DATA_HOME: join(dir, "home"),
    }, dir);
    const root = join(dir, "caddy/pki/authorities/local/root.crt");
    await expect.poll(() => existsSync(root), { timeout: 30_000, message: logs() }).toBe(true);
    rootCa = readFileSync(root, "utf8");
  });

  test.afterAll(async () => {
    for (const { child } of processes.reverse()) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await resend?.stop();
    await cluster?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("towns are served over HTTPS by host, with certificates only for names Helpt serves", async ({ page }) => {
    for (const t of TOWNS) {
      const host = `${t.slug}.${ROOT_DOMAIN}`;
      const tls = await handshake(caddyPort, host, rootCa);
      expect(tls, logs()).toEqual({ ok: true, names: `DNS:${host}` });
      await page.goto(https(host));
      await expect(page.getByText(t.name).first()).toBeVisible();
    }
    const apex = await handshake(caddyPort, ROOT_DOMAIN, rootCa);
    expect(apex.ok).toBe(true);
    // No town, a reserved name, an unverified custom domain, a stranger: refused at the TLS step.
    for (const name of [`nowhere.${ROOT_DOMAIN}`, `admin.${ROOT_DOMAIN}`, UNVERIFIED, "example.org"]) {
      expect(await handshake(caddyPort, name, rootCa), name).toMatchObject({ ok: false });
    }
    // The ask endpoint itself, on an instance.
    expect((await direct(web[1], "GET", `/api/tls/ask?domain=leuven.${ROOT_DOMAIN}`, "127.0.0.1")).status).toBe(200);
    expect((await direct(web[1], "GET", `/api/tls/ask?domain=${UNVERIFIED}`, "127.0.0.1")).status).toBe(404);
  });

  test("a custom domain gets its certificate once it is verified", async ({ page }) => {
    expect(await handshake(caddyPort, VERIFIED, rootCa)).toMatchObject({ ok: false });
    await db(`UPDATE "Domain" SET "verifiedAt" = now() WHERE host = $1`, [VERIFIED]);
    // Both instances may remember "unknown" for a few seconds (lib/tenancy/resolve.ts).
    await expect.poll(() => handshake(caddyPort, VERIFIED, rootCa), { timeout: 30_000 }).toEqual({ ok: true, names: `DNS:${VERIFIED}` });
    await page.goto(https(VERIFIED));
    await expect(page.getByText("Leuven Productie").first()).toBeVisible();
    expect(await handshake(caddyPort, UNVERIFIED, rootCa)).toMatchObject({ ok: false });
  });

  test("a server action rendered by instance A is accepted by instance B", async () => {
    const [a, b] = web;
    const host = `${ROOT_DOMAIN}:${caddyPort}`;
    const rendered = await direct(a, "GET", "/start", host);
    expect(rendered.status).toBe(200);
    // The wizard's first step, as a browser without JavaScript posts it: the action's id and its bound step, from A's page.
    const hidden = actionForm(rendered.body, "population");
    expect(hidden.map(([name]) => name)).toContainEqual(expect.stringMatching(/^\$ACTION_REF_/));
    const data = new FormData();
    for (const [name, value] of hidden) data.append(name, value);
    for (const [name, value] of Object.entries({ name: "Testdorp", country: "BE", population: "12000", contactName: "Ann Peeters", contactEmail: "ann@testdorp.example" })) {
      data.append(name, value);
    }
    const encoded = new Response(data);
    const posted = await direct(b, "POST", "/start", host, {
      "content-type": encoded.headers.get("content-type")!, origin: `https://${host}`,
    }, Buffer.from(await encoded.arrayBuffer()));
    // Saved: on to step 2. (Arguments bound with .bind travel in the clear; the shared
    // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is what makes values captured by inline actions work the same way.)
    expect({ status: posted.status, location: posted.location }, logs()).toEqual({ status: 303, location: "/start?step=2" });
  });

  test("a session started through Caddy works on both instances", async ({ page }) => {
    const host = `leuven.${ROOT_DOMAIN}`;
    await page.goto(https(host, "/sign-in"));
    await page.locator("#email").fill(ADMIN);
    await page.locator("#email").press("Enter");
    await page.waitForURL(/\/sign-in\/check-email/);
    const mail = resend!.sent.findLast((m) => m.to.includes(ADMIN));
    const link = mail?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
    expect(link, "no sign-in link in the e-mail").toBeTruthy();
    const { pathname, search } = new URL(link!);
    await page.goto(https(host, pathname + search));
    await expect(page.getByRole("heading", { name: "You are signed in" })).toBeVisible();

    const cookie = (await page.context().cookies(https(host))).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const port of web) {
      const settings = await direct(port, "GET", "/settings", `${host}:${caddyPort}`, { cookie });
      expect(settings.status, `instance :${port}`).toBe(200);
      expect(settings.body, `instance :${port}`).toContain(ADMIN);
      // Without the cookie, the same page is not shown.
      expect((await direct(port, "GET", "/settings", `${host}:${caddyPort}`)).status).not.toBe(200);
    }
    // The worker is part of the deployment and still running.
    expect(processes.find((p) => p.name === "worker")!.child.exitCode, logs()).toBeNull();
  });
});
