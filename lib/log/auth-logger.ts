import { logger } from "@/lib/log/logger";

/** Auth.js's own messages, as JSON log lines through the same redaction (instead of console.error). */
export const authLogger = {
  error(error: Error) {
    logger.error({ err: error, source: "auth.js" }, "auth error");
  },
  warn(code: string) {
    logger.warn({ code, source: "auth.js" }, "auth warning");
  },
  debug(message: string) {
    logger.debug({ source: "auth.js" }, message);
  },
};
