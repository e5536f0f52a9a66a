import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { extraKeys, hostileNumber, hostileString, hostileValue, SCRIPTS } from "@/tests/hostile/values";

// Every zod schema in the app, found at test time, gets hostile input. New
// schemas are picked up by themselves; a module that builds schemas the test
// cannot reach fails the test, so nothing escapes the fuzz.

const ROOT = join(import.meta.dirname, "..", "..");
const SOURCE_DIRS = ["lib", "app", "components", "emails"];
const RUNS_PER_SCHEMA = 400;
const SEED = 7_2024;

/** Input from outside the app's users: NUL and broken UTF-16 cannot occur there, so the database rules below do not apply. */
const TRUSTED_INPUT: Record<string, string> = {
  "lib/env.ts": "the process environment cannot hold NUL characters",
  "lib/email/templates.ts": "outbox data is written by the app itself, from values already stored",
  "lib/email/webhook.ts": "events are parsed only after Resend's signature over the raw body is verified",
};

/** Fields whose schema promises to remove control characters (and what it keeps). */
const CONTROL_CHARACTER_CLAIMS: { schema: string; fields: string[]; forbidden: RegExp }[] = [
  { schema: "lib/requests/schemas.ts#onlineRequestSchema", fields: ["description", "timeWindow", "name"], forbidden: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ },
  { schema: "lib/requests/schemas.ts#phoneRequestSchema", fields: ["description", "timeWindow", "name"], forbidden: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ },
  { schema: "lib/requests/schemas.ts#publishSchema", fields: ["publicSummary"], forbidden: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ },
  { schema: "lib/requests/schemas.ts#noteSchema", fields: ["body"], forbidden: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ },
  { schema: "lib/bulk/schemas.ts#volunteerMessageSchema", fields: ["subject", "body"], forbidden: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ },
  { schema: "lib/platform/schemas.ts#suspendSchema", fields: ["reason"], forbidden: /[\u0000-\u001F\u007F]|^\s|\s$/ },
];

// ---------------------------------------------------------------- discovery

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Modules that build schemas: they import zod as a value, not only its types. */
const schemaModules = SOURCE_DIRS.flatMap(sourceFiles)
  .filter((file) => /^import\s+(?!type\b)[^;]*from\s+["']zod["']/m.test(readFileSync(join(ROOT, file), "utf8")))
  .sort();

type Found = { name: string; schema: z.ZodType };

/** Exported schemas, also inside exported plain objects (e.g. a table of e-mail templates). */
function schemasIn(value: unknown, name: string, depth = 0): Found[] {
  if (value instanceof z.ZodType) return [{ name, schema: value }];
  if (depth >= 3 || !value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => schemasIn(v, `${name}.${key}`, depth + 1));
}

// ---------------------------------------------------------------- translation keys

type Messages = Record<string, unknown>;
/** Keys of every error-message group ("form.errors", "platform.errors", "signup.logoErrors" …). */
function errorKeys(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    if (!value || typeof value !== "object") return [];
    if (/errors$/i.test(key) && key !== "formErrors") return Object.keys(value).map((k) => `${prefix}${key}.${k}`);
    return errorKeys(value as Messages, `${prefix}${key}.`);
  });
}
const keysPerLocale = [en, fr, nl].map((m) => new Set(errorKeys(m as Messages).map((k) => k.split(".").at(-1)!)));
/** An issue message that names a translation ("invalidAreaLine:3" names "invalidAreaLine"). */
const isKey = (message: string) => /^[a-z][A-Za-z]*(:.*)?$/.test(message);
const resolves = (message: string) => keysPerLocale.every((keys) => keys.has(message.split(":")[0]));

// ---------------------------------------------------------------- input from a schema's shape

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; format?: string; pattern?: RegExp };
const checksOf = (def: Def) => ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);

// Unbounded strings often feed a transform (phone numbers): offer values it accepts.
const PHONES = ["0470 12 34 56", "+32 16 27 22 22", "016 27 22 22"];
const PLAUSIBLE = ["resident@example.be", "3000", "#1d4ed8", "nl", "on", "FREE", "7", "Tuesday morning"];

/** Text of a valid length that still carries scripts, control characters and NUL. */
const dangerousText = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(...SCRIPTS, "\u0000", "a\u0007b", "\u202Eevil", "line\r\nbreak", "' OR 1=1 --"), fc.string({ unit: "binary", maxLength: 20 }))
    .map(([bad, noise]) => `${bad} ${noise} help please`.padEnd(min, "x").slice(0, max));

/** Wrong-type and hostile values for a field (never tuned to pass). */
function hostileFor(schema: unknown, depth: number): fc.Arbitrary<unknown> {
  return depth > 4 ? hostileValue : fc.oneof({ weight: 3, arbitrary: hostileValue }, { weight: 1, arbitrary: shaped(schema, depth + 1, false) });
}

/**
 * Values that follow the schema's shape. With `plausible`, they aim to pass
 * (so the schema's transforms and sanitising run on dangerous content);
 * without, any field may be missing, of the wrong type or hostile.
 */
function shaped(schema: unknown, depth: number, plausible: boolean): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  const field = (s: unknown) => (plausible ? shaped(s, depth + 1, true) : hostileFor(s, depth));
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      if (plausible) {
        // Everything plausible except, sometimes, one hostile field.
        return fc.tuple(fc.record(Object.fromEntries(keys.map((k) => [k, shaped(shape[k], depth + 1, true)]))), fc.oneof(fc.constant(null), fc.constantFrom(...keys)), hostileValue)
          .map(([values, spoil, bad]) => (spoil ? { ...values, [spoil]: bad } : values));
      }
      return fc.tuple(fc.record(Object.fromEntries(keys.map((k) => [k, field(shape[k])])), { requiredKeys: [] }), extraKeys)
        .map(([values, extra]) => ({ ...extra, ...values }));
    }
    case "pipe": {
      // The output side knows the formats and bounds; a transform's input side does not.
      const out = defOf(def.out).type === "transform" ? def.in : def.out;
      return plausible ? shaped(out, depth + 1, true) : fc.oneof(shaped(def.in, depth + 1, false), shaped(out, depth + 1, false));
    }
    case "optional": case "nullable": case "default": case "catch": case "readonly": case "nonoptional": case "prefault":
      return fc.oneof(fc.constant(undefined), shaped(def.innerType, depth + 1, plausible));
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, depth + 1, plausible)));
    case "literal":
      return plausible ? fc.constantFrom(...(def.values as unknown[])) : hostileValue;
    case "enum":
      return plausible ? fc.constantFrom(...Object.values(def.entries as Record<string, string>)) : hostileValue;
    case "array": {
      const max = Math.min(checks.find((c) => c.check === "max_length")?.maximum ?? 8, 8);
      return fc.array(field(def.element), { minLength: plausible ? 1 : 0, maxLength: plausible ? max : 60 });
    }
    case "number": {
      const min = checks.find((c) => c.check === "greater_than")?.value ?? -100;
      const max = checks.find((c) => c.check === "less_than")?.value ?? 1_000;
      const n = plausible ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : hostileNumber;
      return def.coerce ? fc.oneof(n, n.map(String)) : n;
    }
    case "boolean":
      return fc.boolean();
    case "undefined":
      return fc.constant(undefined);
    case "null":
      return fc.constant(null);
    case "string": {
      if (!plausible) return hostileString;
      if (def.format === "email") return fc.constantFrom("resident@example.be", "Fuzz.User+tag@Example.COM");
      if (def.format === "url") return fc.constantFrom("https://example.be/x?y=<script>", "javascript:alert(1)", "http://localhost:3000/");
      const pattern = checks.find((c) => c.format === "regex")?.pattern;
      if (pattern) return fc.stringMatching(pattern);
      const min = checks.find((c) => c.check === "min_length")?.minimum;
      const max = checks.find((c) => c.check === "max_length")?.maximum;
      if (min === undefined && max === undefined) {
        return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PHONES) }, { weight: 1, arbitrary: fc.constantFrom(...PLAUSIBLE) }, { weight: 1, arbitrary: dangerousText(0, 200) });
      }
      const fitting = [...PHONES, ...PLAUSIBLE].filter((p) => p.length >= (min ?? 0) && p.length <= (max ?? Infinity));
      return fitting.length ? fc.oneof(dangerousText(min ?? 0, max ?? 200), fc.constantFrom(...fitting)) : dangerousText(min ?? 0, max ?? 200);
    }
    default:
      return hostileValue;
  }
}

const inputsFor = (schema: z.ZodType) =>
  fc.oneof({ weight: 3, arbitrary: shaped(schema, 0, false) }, { weight: 2, arbitrary: shaped(schema, 0, true) }, { weight: 1, arbitrary: hostileValue });

// ---------------------------------------------------------------- the fuzz

/** The schema under its wrappers (optional, default, a pipe's input …). */
function core(schema: unknown): Def {
  const def = defOf(schema);
  if (def.type === "pipe") return core(def.in);
  return "innerType" in def ? core(def.innerType) : def;
}

/** Fields a form may leave out even when the schema takes a list (read with `getAll`, a list is always there). */
const mayBeAbsent = (schema: unknown) => ["optional", "default", "prefault", "catch"].includes(defOf(schema).type);

/** What a form can send: strings or nothing, and lists of strings where the schema takes a list (checkbox groups). */
function formShaped(schema: z.ZodType, input: unknown): boolean {
  const def = core(schema);
  if (def.type !== "object" || !input || typeof input !== "object" || Array.isArray(input)) return false;
  const shape = def.shape as Record<string, unknown>;
  const lists = Object.keys(shape).filter((key) => core(shape[key]).type === "array");
  const record = input as Record<string, unknown>;
  return (
    lists.every((key) => (record[key] === undefined ? mayBeAbsent(shape[key]) : Array.isArray(record[key]) && (record[key] as unknown[]).every((v) => typeof v === "string"))) &&
    Object.entries(record).every(([key, value]) => lists.includes(key) || value === undefined || typeof value === "string")
  );
}

/** Every string in a parsed value, with its path. */
function strings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === "string") return [[path.join("."), value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

/** A counterexample short enough to read (hostile strings can be 100 000 characters). */
const brief = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length} chars)` : v));

const counts: Record<string, { tried: number; passed: number }> = {};
let claimsChecked = 0;

afterAll(() => {
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  const total = Object.values(counts).reduce((n, c) => n + c.tried, 0);
  writeFileSync(join(ROOT, "test-results", "hostile-schema-counts.json"), JSON.stringify({ total, claimsChecked, schemas: counts }, null, 2));
  console.log(`[hostile-schemas] ${total} inputs over ${Object.keys(counts).length} schemas; ${claimsChecked} sanitising claims checked`);
});

describe("every zod schema under hostile input", () => {
  it("finds the schema modules", () => {
    expect(schemaModules).toContain("lib/requests/schemas.ts");
    expect(schemaModules.length).toBeGreaterThan(5);
  });

  describe.each(schemaModules)("%s", (file) => {
    it("exports schemas the test can reach, which never throw, explain every failure and sanitise what they promise", async () => {
      const source = readFileSync(join(ROOT, file), "utf8");
      expect(/^\s*["']use server["']/.test(source), `${file} is a server-action module: it cannot export its schemas; move them into a schemas module`).toBe(false);
      const found = Object.entries(await import(/* @vite-ignore */ join(ROOT, file))).flatMap(([name, value]) => schemasIn(value, name));
      expect(found.map((f) => f.name), `${file} builds zod schemas but exports none the test can reach`).not.toEqual([]);

      const problems: string[] = [];
      for (const { name, schema } of found) {
        const id = `${file}#${name}`;
        const claims = CONTROL_CHARACTER_CLAIMS.filter((c) => c.schema === id);
        const messages = new Set<string>();
        counts[id] = { tried: 0, passed: 0 };
        const run = await fc.check(
          fc.asyncProperty(inputsFor(schema), async (input) => {
            counts[id].tried++;
            const result = await schema.safeParseAsync(input); // rejects (failing the property) if the schema throws
            if (!result.success) {
              expect(result.error.issues.length).toBeGreaterThan(0);
              for (const issue of result.error.issues) {
                expect(typeof issue.message === "string" && issue.message.length > 0, `${id}: issue without a message`).toBe(true);
                if (issue.path.length > 0 && formShaped(schema, input)) messages.add(issue.message);
              }
              return;
            }
            counts[id].passed++;
            for (const [path, text] of strings(result.data)) {
              if (!(file in TRUSTED_INPUT)) {
                expect(text.includes("\u0000"), `${id}: NUL let through in ${path || "(value)"}; PostgreSQL rejects it`).toBe(false);
                expect(text.isWellFormed(), `${id}: a lone surrogate let through in ${path || "(value)"}; Prisma's engine rejects it`).toBe(true);
              }
              const claim = claims.find((c) => c.fields.includes(path));
              if (claim) {
                claimsChecked++;
                expect(claim.forbidden.test(text), `${id}: control characters let through in ${path}: ${JSON.stringify(text.slice(0, 80))}`).toBe(false);
              }
            }
          }),
          { numRuns: RUNS_PER_SCHEMA, seed: SEED, endOnFailure: true },
        );
        if (counts[id].tried < RUNS_PER_SCHEMA && !run.failed) problems.push(`${id}: only ${counts[id].tried} inputs tried`);
        if (run.failed) problems.push(`${String((run.errorInstance as Error | null)?.message ?? run.errorInstance)}\n  input: ${brief(run.counterexample?.[0])}`);
        // A schema whose messages are translation keys must use keys that exist in every
        // language for anything a form can send (wrong types only need a message).
        const keyed = [...messages].filter(isKey);
        const untranslated = [...messages].filter((m) => !resolves(m));
        if (keyed.length > 0 && untranslated.length > 0) problems.push(`${id}: messages that are not translation keys in messages/{en,fr,nl}.json: ${untranslated.join(" | ")}`);
      }
      expect(problems.join("\n\n")).toBe("");
    });
  });

  it("checked the sanitising claims on real successes", () => {
    for (const claim of CONTROL_CHARACTER_CLAIMS) expect(counts[claim.schema]?.passed ?? 0, `${claim.schema} never parsed successfully`).toBeGreaterThan(0);
    expect(claimsChecked).toBeGreaterThan(50);
  });
});
