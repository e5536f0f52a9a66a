/** The platform's home zone: the apex's pages; each town has its own (Tenant.timeZone). */
export const PLATFORM_TIME_ZONE = "Europe/Brussels";

/** How far `timeZone`'s wall clock is ahead of UTC at instant `at` (ms). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(at / 1000) * 1000;
}

/** A calendar day "YYYY-MM-DD" as a real date, or null (no 2026-02-30). */
export function parseDay(ymd: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return null;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null;
}

/** The instant midnight begins on day `ymd` (+ `plusDays`) in `timeZone`; summer time included. */
export function startOfDay(ymd: string, plusDays = 0, timeZone = PLATFORM_TIME_ZONE): Date {
  return atHour(ymd, 0, plusDays, timeZone);
}

/** The instant the wall clock in `timeZone` shows `hour`:00 on day `ymd` (+ `plusDays`); summer time included. */
export function atHour(ymd: string, hour: number, plusDays = 0, timeZone = PLATFORM_TIME_ZONE): Date {
  const day = parseDay(ymd);
  if (!day) throw new RangeError(`not a day: ${ymd}`);
  const wall = Date.UTC(day.y, day.m - 1, day.d + plusDays, hour);
  // The offset at that hour may differ from the offset at the first guess when a clock change lies between.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

/** The wall-clock time in `timeZone` as "YYYY-MM-DD HH:mm:ss" (exports: sortable, read as a date by spreadsheets). */
export function localTimestamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}
