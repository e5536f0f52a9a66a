import busboy from "next/dist/compiled/busboy";
import { MAX_FORM_POST_BYTES } from "@/lib/abuse/oversized";

// Requests that Next.js itself fails on with a 500 before any app code runs:
// odd hosts, a forwarded host that differs from Host, bodies it cannot parse
// as a server action, hand-made router state. The proxy asks this module
// first and refuses them as what they are (400, or 413 for a body over the
// limit); well-formed requests pass with their host normalised.

export type Refusal = { status: 400 | 413; reason: "badRequest" | "tooLarge" };
const BAD: Refusal = { status: 400, reason: "badRequest" };
const TOO_LARGE: Refusal = { status: 413, reason: "tooLarge" };

const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)$/;

/**
 * A Host header as one name: lower case, no trailing dot, a port from 1 to
 * 65535 if any; null for anything else (empty labels, odd characters, a
 * port out of range, several hosts).
 */
export function normaliseHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(raw.trim().toLowerCase());
  if (!match) return null;
  const name = match[1].replace(/\.$/, "");
  const port = match[2];
  if (name.length > 253 || !HOST.test(name)) return null;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return null;
  return port === undefined ? name : `${name}:${port}`;
}

/** An Origin header with its host normalised as above; null when it is not an origin. */
export function normaliseOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    const host = normaliseHost(url.host);
    return host && url.origin !== "null" ? `${url.protocol}//${host}` : null;
  } catch {
    return null;
  }
}

/** Request headers that name no usable host or contradict it: refused whatever the method. */
export function malformedHeaders(headers: Headers): Refusal | null {
  const host = normaliseHost(headers.get("host"));
  if (!host) return BAD;
  // Forwarded headers are not looked at: the proxy has replaced them with the
  // site's own (lib/http/forwarded.ts) before Next.js or Auth.js read them.
  const tree = headers.get("next-router-state-tree");
  if (tree !== null && !validRouterState(tree)) return BAD;
  return null;
}

// ---------------------------------------------------------------- router state

/**
 * The client sends its router state as encodeURIComponent(JSON) of
 * [segment, { parallelRoutes }, url?, refresh?, isRootLayout?]. A hand-made
 * one that is not that shape is refused.
 */
function validRouterState(header: string): boolean {
  if (header.length > 40_000) return false;
  let tree: unknown;
  try {
    tree = JSON.parse(decodeURIComponent(header));
  } catch {
    return false;
  }
  return routerTree(tree, 0);
}

function routerTree(node: unknown, depth: number): boolean {
  if (depth > 64 || !Array.isArray(node) || node.length < 2 || node.length > 5) return false;
  const [segment, children, url, refresh, root] = node as unknown[];
  const segmentOk = typeof segment === "string" ||
    (Array.isArray(segment) && segment.length === 3 && segment.every((s) => typeof s === "string"));
  if (!segmentOk || !children || typeof children !== "object" || Array.isArray(children)) return false;
  if (url !== undefined && url !== null && typeof url !== "string") return false;
  if (refresh !== undefined && refresh !== null && typeof refresh !== "string") return false;
  if (root !== undefined && typeof root !== "boolean") return false;
  return Object.values(children).every((child) => routerTree(child, depth + 1));
}

// ---------------------------------------------------------------- bodies

/** How Next.js reads a POST to a page: as a server action when it has Next-Action or a multipart body. */
type ActionKind = "fetch-multipart" | "fetch-text" | "form" | null;

function actionKind(headers: Headers): ActionKind {
  const multipart = headers.get("content-type")?.startsWith("multipart/form-data") ?? false;
  if (headers.has("next-action")) return multipart ? "fetch-multipart" : "fetch-text";
  return multipart ? "form" : null;
}

/** What a page takes past MAX_FORM_POST_BYTES: up to `limit` bytes, for the action with this id only (lib/abuse/oversized.ts). */
export type LargePostAllowance = { limit: number; actionId: string | null };

/**
 * A POST to a page (not /api, whose handlers read their own bodies): over
 * the limit however it is sent (a chunked body has no Content-Length), or a
 * server-action body Next.js cannot decode. `body` is the proxy's copy of the
 * request body; it is read up to the limit and no further. A page with an
 * allowance takes a larger body for its one action, and for nothing else.
 */
export async function malformedFormPost(headers: Headers, body: ReadableStream<Uint8Array> | null, allowance?: LargePostAllowance): Promise<Refusal | null> {
  const bytes = await readUpTo(body, allowance?.limit ?? MAX_FORM_POST_BYTES);
  if (!bytes) return TOO_LARGE;
  const large = bytes.byteLength > MAX_FORM_POST_BYTES;
  const allowed = (actionId: string | null | undefined) => !large || (!!actionId && actionId === allowance?.actionId);
  const contentType = headers.get("content-type") ?? "";
  switch (actionKind(headers)) {
    case "fetch-text":
      if (!allowed(headers.get("next-action"))) return TOO_LARGE;
      return validArguments(new TextDecoder().decode(bytes)) ? null : BAD;
    case "fetch-multipart": {
      if (!allowed(headers.get("next-action"))) return TOO_LARGE;
      const fields = await busboyFields(contentType, bytes);
      return fields && validArguments(fields.get("0")) ? null : BAD;
    }
    case "form": {
      const form = await undiciForm(contentType, bytes);
      if (!form) return large ? TOO_LARGE : BAD;
      if (!allowed(formActionId(form))) return TOO_LARGE;
      return validFormAction(form) ? null : BAD;
    }
    default:
      return large ? TOO_LARGE : null;
  }
}

/** The body, or null once it passes `limit` bytes (the rest is never read). */
async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/** Parses the body with the parser Next.js uses for fetch actions (busboy); null where it fails. */
function busboyFields(contentType: string, bytes: Uint8Array): Promise<Map<string, string> | null> {
  return new Promise((resolve) => {
    const fields = new Map<string, string>();
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ defParamCharset: "utf8", headers: { "content-type": contentType }, limits: { fieldSize: MAX_FORM_POST_BYTES } });
    } catch {
      return resolve(null); // no boundary, or not multipart at all
    }
    let ok = true;
    parser.on("field", (name: string, value: string) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (_name: string, stream: NodeJS.ReadableStream, info: { encoding: string }) => {
      if (info.encoding.toLowerCase() === "base64") ok = false; // React refuses base64 file parts (a 500)
      stream.resume();
    });
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(ok ? fields : null));
    parser.end(Buffer.from(bytes));
  });
}

/** Parses the body as Next.js does for a form posted without JavaScript (undici's FormData); null where it fails. */
async function undiciForm(contentType: string, bytes: Uint8Array): Promise<FormData | null> {
  try {
    return await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType }, body: Buffer.from(bytes) }).formData();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- server-action arguments

/** More than any action of ours takes (bound arguments, previous state, the form). */
const MAX_ARGUMENTS = 8;
const MAX_DEPTH = 32;
/**
 * Strings React's reply decoder reads as values by themselves: an escaped "$",
 * undefined, special numbers, a bigint, a date, a FormData built from the
 * "_<n>_" fields. Any other "$…" points at another part or chunk, which a
 * forger can leave missing or make point at itself (the decoder then fails).
 */
const SELF_CONTAINED = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|n-?\d{1,40}$|D[\d\-:.TZ+]{0,40}$|K[0-9a-f]{1,8}$)/;

function plainValue(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") return !value.startsWith("$") || SELF_CONTAINED.test(value);
  if (Array.isArray(value)) return value.every((v) => plainValue(v, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((v) => plainValue(v, depth + 1));
  return true;
}

function parseJson(text: string | undefined | null): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The argument list of a fetch action (part "0", or the whole text body): a
 * short array of plain values. What an action finds where its form belongs
 * is its own check (assertForm); a thousand arguments or references to
 * parts that are not there are no call the app's clients make.
 */
function validArguments(text: string | undefined): boolean {
  const args = parseJson(text);
  return Array.isArray(args) && args.length <= MAX_ARGUMENTS && plainValue(args, 0);
}

/** The action a form posted without JavaScript names (see below), or null. */
function formActionId(form: FormData): string | null {
  for (const key of form.keys()) {
    if (key.startsWith("$ACTION_ID_")) return key.slice("$ACTION_ID_".length);
    if (key.startsWith("$ACTION_REF_")) {
      const meta = parseJson(form.get(`$ACTION_${key.slice("$ACTION_REF_".length)}:0`) as string | null) as { id?: unknown } | undefined;
      return meta && typeof meta === "object" && typeof meta.id === "string" ? meta.id : null;
    }
  }
  return null;
}

/**
 * A form posted without JavaScript names its action once: `$ACTION_ID_<id>`,
 * or `$ACTION_REF_<n>` with `$ACTION_<n>:0` = { id, bound: "$@1" | null } and
 * the bound arguments in `$ACTION_<n>:1`. Nothing else is decodable.
 */
function validFormAction(form: FormData): boolean {
  const keys = [...form.keys()].filter((k) => k.startsWith("$ACTION_REF_") || k.startsWith("$ACTION_ID_"));
  if (keys.length === 0) return true; // no action: Next.js renders the page
  if (keys.length > 1) return false;
  if (keys[0].startsWith("$ACTION_ID_")) return true;
  const prefix = `$ACTION_${keys[0].slice("$ACTION_REF_".length)}:`;
  const meta = parseJson(form.get(`${prefix}0`) as string | null) as { id?: unknown; bound?: unknown } | undefined;
  if (!meta || typeof meta !== "object" || Array.isArray(meta) || typeof meta.id !== "string") return false;
  if (meta.bound === null || meta.bound === undefined) return true;
  if (meta.bound !== "$@1") return false;
  const bound = parseJson(form.get(`${prefix}1`) as string | null);
  return Array.isArray(bound) && bound.length <= MAX_ARGUMENTS && plainValue(bound, 0);
}
