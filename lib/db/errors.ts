import { Prisma } from "@/generated/prisma/client";

// PostgreSQL restarting or unreachable: the connection errors that the driver,
// the adapter and the server report, wherever they sit in the cause chain.
const CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "P1001", "P1002", "P1008", "P1017", "P2024", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
const MESSAGES = /connection terminated|not queryable|terminating connection|database system is (starting up|shutting down)|can't reach database|server closed the connection|connection refused|databasenotreachable/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, kind, message, originalCode } = e as { code?: unknown; kind?: unknown; message?: unknown; originalCode?: unknown };
    if (CODES.has(String(code)) || CODES.has(String(originalCode))) return true;
    if (typeof kind === "string" && MESSAGES.test(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}

// More work than connections for longer than the wait allows: Prisma's P2028
// (no connection within maxWait, or a transaction past its timeout), the pool's
// own connection timeout, PostgreSQL's connection limit.
const OVERLOAD = /unable to start a transaction in the given time|expired transaction|transaction already closed|timeout exceeded when trying to connect|too many clients/i;

export function isOverloaded(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "P2028" || code === "53300") return true;
    if (typeof message === "string" && OVERLOAD.test(message)) return true;
  }
  return false;
}

/** A unique constraint refused the write (Prisma's P2002): the row exists already, or a concurrent request won. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
