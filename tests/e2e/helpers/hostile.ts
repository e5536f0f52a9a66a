import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLiteralElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { UNESCAPED } from "../../hostile/values";
import { multipart, send, type Jar, type Reply } from "./http";

// Helpers for the hostile-input spec: how a browser without JavaScript
// submits a server-action form (and how a forger changes it), what a page
// offers as forms, and whether the messages it shows are real translations.
// Routes, actions and HTTP come from the shared helpers (app-routes, server-actions, http).

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Source files under `dir` (relative to the repository). */
export const sourceFiles = (dir: string) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));

// ---------------------------------------------------------------- server-action forms

/** Bound arguments as React encodes a server action's reply: strings starting with "$" are escaped. */
export function encodeArgument(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? "$NaN" : value > 0 ? "$Infinity" : "$-Infinity";
  if (Array.isArray(value)) return value.map(encodeArgument);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeArgument(v)]));
  return value;
}

/** The multipart body a browser without JavaScript posts for a server-action form. */
export function actionForm(actionId: string, bound: unknown[] | null, fields: [string, string | Blob][], actionKey?: string): FormData {
  const form = new FormData();
  if (bound === null) form.append(`$ACTION_ID_${actionId}`, "");
  else {
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" }));
    form.append("$ACTION_1:1", JSON.stringify(encodeArgument(bound)));
  }
  if (actionKey) form.append("$ACTION_KEY", actionKey);
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

// ---------------------------------------------------------------- HTML forms

/** A named control; `values` is what the browser submits untouched (text, checked boxes, the selected option). */
export type FormField = { name: string; kind: "text" | "choice" | "check" | "file" | "button"; options: string[]; values: string[]; required: boolean };
export type HtmlForm = { actionId: string; bound: unknown[] | null; actionKey?: string; fields: FormField[] };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export const decodeHtml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/\s([\w.:$-]+)(?:="([^"]*)")?/g)].map((m) => [m[1].toLowerCase(), decodeHtml(m[2] ?? "")]));

/** The server-action forms of a page, as a browser without JavaScript would submit them. */
export function serverActionForms(html: string): HtmlForm[] {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].flatMap(([, body]): HtmlForm[] => {
    const fields = new Map<string, FormField>();
    const hidden: Record<string, string> = {};
    const add = (a: Record<string, string>, kind: FormField["kind"], option?: string, submitted?: string) => {
      const field = fields.get(a.name) ?? { name: a.name, kind, options: [], values: [], required: false };
      if (option !== undefined) field.options.push(option);
      if (submitted !== undefined) field.values.push(submitted);
      field.required ||= "required" in a;
      fields.set(a.name, field);
    };
    for (const [tag] of body.matchAll(/<(?:input|button)\b[^>]*>/g)) {
      const a = attributes(tag);
      if (!a.name) continue;
      if (a.name.startsWith("$ACTION")) hidden[a.name] = a.value ?? "";
      else if (tag.startsWith("<button")) add(a, "button", a.value ?? "");
      else if (a.type === "radio" || a.type === "checkbox") add(a, a.type === "radio" ? "choice" : "check", a.value ?? "on", "checked" in a ? (a.value ?? "on") : undefined);
      else if (a.type === "file") add(a, "file");
      else add(a, "text", undefined, a.value ?? "");
    }
    for (const [, tag, text] of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const a = attributes(tag);
      if (a.name) add(a, "text", undefined, decodeHtml(text).replace(/^\n/, ""));
    }
    for (const [, tag, options] of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const a = attributes(tag);
      if (!a.name) continue;
      const all = [...options.matchAll(/<option\b[^>]*>/g)].map(([o]) => attributes(o));
      for (const o of all) add(a, "choice", o.value ?? "");
      add(a, "choice", undefined, (all.find((o) => "selected" in o) ?? all[0])?.value ?? "");
    }
    const direct = Object.keys(hidden).find((k) => k.startsWith("$ACTION_ID_"));
    const ref = Object.keys(hidden).find((k) => k.startsWith("$ACTION_REF_"));
    if (direct) return [{ actionId: direct.slice("$ACTION_ID_".length), bound: null, actionKey: hidden.$ACTION_KEY, fields: [...fields.values()] }];
    if (!ref) return [];
    const index = ref.slice("$ACTION_REF_".length);
    const descriptor = JSON.parse(hidden[`$ACTION_${index}:0`]) as { id: string };
    const bound = JSON.parse(hidden[`$ACTION_${index}:1`] ?? "[]") as unknown[];
    return [{ actionId: descriptor.id, bound, actionKey: hidden.$ACTION_KEY, fields: [...fields.values()] }];
  });
}

// ---------------------------------------------------------------- messages

type Messages = { [key: string]: string | Messages };
const LOCALES = ["nl", "fr", "en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const messages = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(ROOT, "messages", `${l}.json`), "utf8")) as Messages])) as Record<Locale, Messages>;

function leaves(m: Messages, prefix = ""): [string, string][] {
  return Object.entries(m).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** A message as a pattern: its literal text, with anything where a placeholder or plural stands. */
function pattern(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => (isLiteralElement(el) ? el.value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+") : "[\\s\\S]*?"))
    .join("");
}
const literalLength = (elements: MessageFormatElement[]) => elements.reduce((n, el) => n + (isLiteralElement(el) ? el.value.trim().length : 0), 0);
const patterns = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    leaves(messages[l])
      .map(([key, text]) => ({ key, elements: parse(text) }))
      .filter(({ elements }) => literalLength(elements) >= 3) // a bare "{value}" would match anything
      .map(({ key, elements }) => ({ key, re: new RegExp(`^\\s*${pattern(elements)}\\s*$`) })),
  ]),
) as Record<Locale, { key: string; re: RegExp }[]>;

/** The translation key a shown text comes from, in that language; undefined for untranslated text. */
export const translationOf = (text: string, locale: Locale) => patterns[locale].find((p) => p.re.test(text))?.key;

/** Texts a page shows as errors: alerts, field errors and the red error paragraphs. */
export function errorTexts(html: string): string[] {
  const body = html.replace(/<script\b[\s\S]*?<\/script>/g, "");
  return [...body.matchAll(/<(p|div|span)\b([^>]*(?:role="alert"|id="[^"]*-error"|class="[^"]*text-red-8\d\d[^"]*")[^>]*)>([\s\S]*?)<\/\1>/g)]
    .map(([, , , inner]) => decodeHtml(inner.replace(/<[^>]+>/g, "")).trim())
    .filter(Boolean);
}

/** A key an action returns for its form to translate ("invalidAreaLine:3" names "invalidAreaLine"): in an error group, or the sign-in's. */
export function errorKeyResolves(key: string): boolean {
  const name = key.split(":")[0];
  return LOCALES.every((l) => leaves(messages[l]).some(([path]) => /(^|\.)(\w*[eE]rrors|signIn)\.[^.]+$/.test(path) && path.endsWith(`.${name}`)));
}

export const pageLocale = (html: string) => (/<html[^>]*\blang="(\w\w)/.exec(html)?.[1] ?? "en") as Locale;

/** Raw script or handler markup from the hostile values, i.e. something the page did not escape. */
export const unescapedScripts = (html: string) => UNESCAPED.filter((re) => re.test(html)).map(String);

// ---------------------------------------------------------------- HTTP

/** Posts a form as the browser would: multipart, with its site as Origin (the proxy refuses other form posts). */
export async function postForm(url: string, form: FormData, jar?: Jar, headers: Record<string, string> = {}): Promise<Reply> {
  const { body, contentType } = await multipart(form);
  return send(url, { method: "POST", jar, body, headers: { "content-type": contentType, origin: new URL(url).origin, ...headers } });
}
