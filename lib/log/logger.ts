import pino, { type Logger } from "pino";

/**
 * Keys that hold personal data anywhere in a log object. Redaction removes
 * them; the error serializer below scrubs what free text (error messages from
 * providers, Prisma, SMTP servers) may still carry.
 */
const PERSONAL_KEYS = [
  "name", "firstName", "lastName", "contactName", "displayName", "phone", "address", "street", "postcode",
  "email", "to", "from", "replyTo", "identifier", "note", "notes", "text", "html", "body", "subject", "description", "details",
];

const EMAIL = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g;
// Phone numbers and house numbers with their street run together: any run of 6+ digits with separators.
const NUMBER_RUN = /\+?\d[\d\s./-]{4,}\d/g;

/** Removes e-mail addresses and phone-like numbers from free text. */
export function scrub(text: string): string {
  return text.replace(EMAIL, "[email]").replace(NUMBER_RUN, "[number]");
}

/** Errors keep their kind, code and status; their message only once scrubbed; no stack of values. */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrub(String(error)).slice(0, 500) };
  const e = error as Error & { code?: unknown; status?: unknown; statusCode?: unknown; digest?: unknown; responseCode?: unknown };
  return {
    type: e.name,
    message: scrub(e.message).slice(0, 500),
    code: e.code ?? e.responseCode,
    status: e.status ?? e.statusCode,
    digest: e.digest,
    stack: e.stack?.split("\n").slice(1, 8).map((line) => scrub(line.trim())).join("\n"),
  };
}

const redactPaths = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

function createLogger(): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: { service: process.env.HELPT_SERVICE ?? "web" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: "[redacted]" },
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
