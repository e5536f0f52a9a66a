// A volunteer registration exactly as the browser sends it: the real server
// action (saveProfileAction), called with the Next-Action header and React's
// own reply encoding of [previous state, form data].
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type pg from "pg";
import { ROOT } from "../lib/run";
import { benchIp, SESSION_COOKIE, type Town } from "./fixtures";
import type { Check, Target } from "./load";

// The client half of React's server-action protocol, the copy Next.js ships with.
const require = createRequire(join(ROOT, "package.json"));
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The action's id in the current build (it changes with every build). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!hit) throw new Error(`Server action ${exportedName} (${filename}) is not in the build's manifest.`);
  return hit[0];
}

/** The registration form as a volunteer fills it in (person i). */
function form(i: number, categoryIds: string[]): FormData {
  const fd = new FormData();
  const fields: [string, string][] = [
    ["name", `Bench Signup ${i}`], ["phone", `0470 ${String(100000 + i).slice(-6).replace(/(\d\d)(\d\d)(\d\d)/, "$1 $2 $3")}`],
    ["postcode", "1000"], ["maxDistanceKm", "5"], ...categoryIds.map((c): [string, string] => ["categoryIds", c]),
    ["languages", "nl"], ["languages", "en"], ["availability", "TUE_MORNING"], ["availability", "SAT_AFTERNOON"], ["codeOfConduct", "on"],
  ];
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}

/** An action call's body as React's client encodes [previous state, form data]. */
async function encode(previous: unknown, fd: FormData): Promise<{ body: Buffer; contentType: string }> {
  const reply = new Response(await encodeReply([previous, fd]));
  return { body: Buffer.from(await reply.arrayBuffer()), contentType: reply.headers.get("content-type")! };
}

let nextIp = 0; // every registration of the run comes from its own address

/**
 * A burst target: request i registers account i (its own session and client
 * address). Success is the action's redirect to /volunteer?saved=1.
 */
export async function signupTarget(db: pg.Client, port: number, town: Town, tokens: string[]): Promise<Target> {
  const id = actionId("lib/volunteers/actions.ts", "saveProfileAction");
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 2`, [town.id]);
  const categoryIds = rows.map((r) => r.id);
  const bodies = await Promise.all(tokens.map((_, i) => encode({ values: {}, errors: {} }, form(i, categoryIds))));
  const host = `${town.slug}.localhost:${port}`;
  const check: Check = (status, _body, headers) => {
    if (status !== 200) return `status ${status}`;
    return headers["x-action-redirect"]?.startsWith("/volunteer?saved=1") ? null : "no redirect to /volunteer?saved=1 (form error)";
  };
  return {
    port, host, path: "/volunteer", method: "POST", check,
    headers: { origin: `http://${host}`, accept: "text/x-component", "next-action": id },
    vary: (i) => {
      if (i >= tokens.length) throw new Error("the burst sent more registrations than it has accounts");
      return {
        headers: { cookie: `${SESSION_COOKIE}=${tokens[i]}`, "content-type": bodies[i].contentType, "x-forwarded-for": benchIp(nextIp++) },
        body: bodies[i].body,
      };
    },
  };
}

/**
 * Scenario 3's fair baseline: the same rows inserted by a bare server action
 * on the same server (app/bench/signup/action.ts: proxy, action, Prisma,
 * second wall; no session, rate limit, checks or redirect), request i for
 * account i. Posted on the apex, where the bench's routes live.
 */
export async function bareSignupTarget(db: pg.Client, port: number, town: Town, userIds: string[]): Promise<Target> {
  const id = actionId("app/bench/signup/action.ts", "benchSignupAction");
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Category" WHERE "tenantId" = $1 ORDER BY position LIMIT 2`, [town.id]);
  const bodies = await Promise.all(userIds.map((userId, i) => {
    const fd = new FormData();
    const fields: [string, string][] = [
      ["tenantId", town.id], ["userId", userId], ["name", `Bench Signup ${i}`], ["phone", `+32470${String(100000 + i).slice(-6)}`],
      ["latitude", String(town.latitude)], ["longitude", String(town.longitude)], ...rows.map((c): [string, string] => ["categoryIds", c.id]),
    ];
    for (const [k, v] of fields) fd.append(k, v);
    return encode("", fd);
  }));
  const host = `localhost:${port}`;
  return {
    port, host, path: "/bench/signup", method: "POST",
    check: (status, body) => (status !== 200 ? `status ${status}` : body.includes('"saved"') ? null : "no \"saved\" in the action's answer"),
    headers: { origin: `http://${host}`, accept: "text/x-component", "next-action": id },
    vary: (i) => {
      if (i >= userIds.length) throw new Error("the burst sent more registrations than it has accounts");
      return { headers: { "content-type": bodies[i].contentType }, body: bodies[i].body };
    },
  };
}

/** How many of these accounts now have a volunteer profile in the town (the burst's effect, checked in the database). */
export async function registered(db: pg.Client, town: Town, userIds: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "VolunteerProfile" WHERE "tenantId" = $1 AND "userId" = ANY($2::text[])`, [town.id, userIds]);
  return rows[0].n;
}
