import pino, { type Logger } from "pino";

/**
 * Keys that hold personal data in a log object, at any depth: names, phone
 * numbers, addresses, e-mail addresses, notes and message contents. Their
 * values are replaced; every other string is scrubbed of e-mail addresses and
 * phone-like numbers, as free text (provider errors, SMTP replies) may carry them.
 */
const PERSONAL_KEY = /name|phone|address|e-?mail|note|description|street|postcode|identifier|recipient|^(to|from|cc|bcc|replyTo|subject|text|html|body|q|query|search)$/i;
const MAX_DEPTH = 6;

const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;
// Phone numbers and house numbers with their street run together: any run of 6+ digits with separators.
const NUMBER_RUN = /\+?\d[\d\s./-]{4,}\d/g;

/** Removes e-mail addresses and phone-like numbers from free text. */
export function scrub(text: string): string {
  return text.replace(EMAIL, "[email]").replace(NUMBER_RUN, "[number]");
}

/**
 * Errors keep their kind, code and status, and the first line of their message,
 * scrubbed (Prisma, for one, prints the query's values on the lines after it).
 */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrub(String(error).split("\n")[0]).slice(0, 300) };
  const e = error as Error & { code?: unknown; status?: unknown; statusCode?: unknown; digest?: unknown; responseCode?: unknown };
  return {
    type: e.name,
    message: scrub(e.message.trim().split("\n")[0]).slice(0, 300),
    code: e.code ?? e.responseCode,
    status: e.status ?? e.statusCode,
    digest: e.digest,
    // Frames only: a multi-line message repeats at the top of the stack.
    stack: e.stack?.split("\n").map((line) => line.trim()).filter((line) => line.startsWith("at ")).slice(0, 8).join("\n"),
  };
}

function redact(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  // Errors are left to their serializer; Dates and other objects print as they are.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PERSONAL_KEY.test(k) && v != null ? "[redacted]" : redact(v, depth + 1)]));
}

const redactPersonal = <T>(value: T): T => redact(value, 0) as T;

function createLogger(): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      // The worker adds service: "worker" to its lines; web lines carry the request id instead.
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => redactPersonal(object) },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        // The message itself is free text too.
        logMethod(args, method) {
          const [first, ...rest] = args;
          if (typeof first === "string") return method.apply(this, [scrub(first), ...rest] as Parameters<typeof method>);
          if (typeof rest[0] === "string") return method.apply(this, [first, scrub(rest[0]), ...rest.slice(1)] as Parameters<typeof method>);
          return method.apply(this, args);
        },
      },
    },
    // process.stdout rather than pino's own file descriptor writer: one line per
    // call, in order with the rest of the process's output.
    process.stdout,
  );
}

const globalForLog = globalThis as unknown as { helptLogger?: Logger };

/** The process's JSON logger (one line per event on stdout). */
export const logger: Logger = (globalForLog.helptLogger ??= createLogger());
