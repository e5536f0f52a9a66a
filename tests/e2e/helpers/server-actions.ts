import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { multipart, send, type Jar, type Reply } from "./http";
import { sql } from "./site";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MANIFEST = `${ROOT}.next/server/server-reference-manifest.json`;

export type Param = { name: string; type: string };

/** A server action of the production build: its id, where it is defined, which pages carry it, what it takes. */
export type ServerAction = { id: string; file: string; name: string; workers: string[]; params: Param[] };

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** Every server action in the build's manifest, with its parameters read from its source. */
export function serverActions(): ServerAction[] {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: the suite needs the production build`);
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`server action ${id} cannot be attributed to a module`);
    return { id, file: entry.filename, name: entry.exportedName, workers: Object.keys(entry.workers), params: parameters(entry.filename, entry.exportedName) };
  });
}

/** `export async function name(a: A, b: B)` → [{a, A}, {b, B}]; anything else is for the suite to handle explicitly. */
function parameters(file: string, name: string): Param[] {
  const source = readFileSync(`${ROOT}${file}`, "utf8");
  const match = new RegExp(`export\\s+async\\s+function\\s+${name}\\s*\\(([^)]*)\\)`).exec(source);
  if (!match) throw new Error(`cannot read the parameters of ${file}#${name}`);
  return match[1].split(",").map((p) => p.trim()).filter(Boolean).map((p) => {
    const [param, type = "unknown"] = p.split(":").map((s) => s.trim());
    return { name: param, type };
  });
}

/**
 * The arguments as React's encodeReply sends them when a client calls an
 * action: part "0" is the JSON argument list, a FormData argument becomes
 * "$K<n>" with its fields sent as "_<n>_<field>". Bound arguments are simply
 * the first arguments, which is why a client can forge them.
 */
export async function encodeArgs(args: unknown[]) {
  const form = new FormData();
  let part = 1;
  const json = JSON.stringify(args.map((arg) => {
    if (arg instanceof FormData) {
      const id = part++;
      arg.forEach((value, key) => form.append(`_${id}_${key}`, value));
      return `$K${id.toString(16)}`;
    }
    return typeof arg === "string" && arg.startsWith("$") ? `$${arg}` : arg;
  }));
  form.set("0", json);
  return multipart(form);
}

/** Calls an action the way Next's client does: POST to a page that carries it, with the Next-Action header. */
export async function callAction(pageUrl: string, actionId: string, args: unknown[], jar?: Jar, headers: Record<string, string> = {}): Promise<Reply> {
  const { body, contentType } = await encodeArgs(args);
  return send(pageUrl, {
    method: "POST", jar, body,
    headers: { accept: "text/x-component", "next-action": actionId, "content-type": contentType, origin: new URL(pageUrl).origin, ...headers },
  });
}

/** What an action call came to, for the report: not found, a redirect, a form error, done, or a failure. */
export function outcome(reply: Reply): string {
  if (reply.headers["x-nextjs-action-not-found"]) return "action-unavailable";
  if (reply.status >= 500) return `error-${reply.status}`;
  const redirect = reply.headers["x-action-redirect"];
  if (redirect) return `redirect:${String(redirect).split(";")[0].split("?")[0]}`;
  if (reply.status === 404) return "not-found";
  if (reply.status >= 300 && reply.status < 400) return `redirect:${new URL(String(reply.headers.location), "http://x").pathname}`;
  const result = actionResult(reply.body) as { formError?: string; error?: string; errors?: Record<string, string> } | undefined;
  if (result?.formError || result?.error) return `form-error:${result.formError ?? result.error}`;
  if (result?.errors && Object.keys(result.errors).length) return "invalid-input";
  return reply.status === 200 ? "done" : `status-${reply.status}`;
}

/** The value an action returned, from its RSC answer: row 0 points at it ("a": "$@<row>"); the re-rendered page follows. */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const row = /^([0-9a-f]+):(.*)$/.exec(line);
    if (row && !rows.has(row[1])) rows.set(row[1], row[2]);
  }
  try {
    const action = (JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null)?.a;
    const ref = typeof action === "string" ? /^\$@([0-9a-f]+)$/.exec(action)?.[1] : undefined;
    return ref ? JSON.parse(rows.get(ref) ?? "null") : action;
  } catch {
    return undefined;
  }
}

export const formData = (fields: Record<string, string | string[]>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
};

/**
 * Signs in over HTTP through the app's own flow: the sign-in action sends a
 * magic link to the development mailbox, and following it sets the session
 * cookie in `jar`. `site` is a town's base URL or the apex's.
 */
export async function signInOverHttp(site: string, email: string, jar: Jar): Promise<Jar> {
  const requestLink = serverActions().find((a) => a.file === "lib/sign-in/actions.ts" && a.name === "requestMagicLink");
  if (!requestLink) throw new Error("the sign-in action is not in the build");
  await sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'magicLink%'`); // the limit has its own test
  const reply = await callAction(new URL("/sign-in", site).href, requestLink.id, [{ email: "" }, formData({ email })], jar);
  if (outcome(reply) !== "redirect:/sign-in/check-email") throw new Error(`sign-in of ${email} on ${site}: ${outcome(reply)}`);
  // The newest sign-in mail (an alert sent by the worker meanwhile may be newer).
  const [mail] = await sql<{ text: string }>(`SELECT text FROM "DevMailboxMessage" WHERE "to" = $1 AND text LIKE '%/api/auth/callback/email?%' ORDER BY "createdAt" DESC LIMIT 1`, [email]);
  const link = mail?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link for ${email}`);
  await send(link, { jar });
  if (!jar.get(new URL(site).hostname, SESSION_COOKIE)) throw new Error(`no session cookie for ${email} on ${site}`);
  return jar;
}

export const SESSION_COOKIE = "authjs.session-token";
