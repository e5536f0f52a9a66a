// Lengths of time in milliseconds, for Date arithmetic. A "day" here is 24 hours
// of elapsed time (deadlines, retention, look-back windows); calendar days in a
// town's own time zone are lib/dates/zoned.ts's business.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
