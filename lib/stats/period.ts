import { DAY_MS } from "@/lib/dates/durations";
import { localTimestamp, parseDay, startOfDay } from "@/lib/dates/zoned";

// The dashboard's period: a few fixed spans ending today, or days chosen by
// hand, always whole calendar days in the town's time zone. Bad input falls
// back to the default (the URL is typed by people and shared), and a custom
// span is clamped to MAX_DAYS so every query stays bounded.

export const PRESETS = { "7d": 7, "30d": 30, "90d": 90, "12m": 365 } as const;
export type Preset = keyof typeof PRESETS;
export const DEFAULT_PRESET: Preset = "30d";
/** Longest custom span (days): a year and a day, so "a year" fits whichever year. */
export const MAX_DAYS = 366;
/** Up to this many days, trends are per day; longer, per week. */
export const DAILY_UP_TO = 31;

export type Bucket = "day" | "week";

export type Period = {
  preset: Preset | "custom";
  /** First and last day shown, "YYYY-MM-DD" on the town's calendar (both included). */
  fromDay: string;
  toDay: string;
  days: number;
  /** [from, to): midnight starting fromDay until midnight after toDay, in the town's zone. */
  from: Date;
  to: Date;
  bucket: Bucket;
  /** Each bucket's first day and first instant; the last bucket ends at `to`. */
  buckets: { day: string; start: Date }[];
};

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

const isPreset = (v: string | undefined): v is Preset => v !== undefined && Object.hasOwn(PRESETS, v);

/** Whole days from `a` to `b` (YYYY-MM-DD), both real days. */
export function daysBetween(a: string, b: string): number {
  const [x, y] = [parseDay(a)!, parseDay(b)!];
  return Math.round((Date.UTC(y.y, y.m - 1, y.d) - Date.UTC(x.y, x.m - 1, x.d)) / DAY_MS);
}

/** `ymd` moved by `n` calendar days. */
export function addDays(ymd: string, n: number): string {
  const d = parseDay(ymd)!;
  return new Date(Date.UTC(d.y, d.m - 1, d.d + n)).toISOString().slice(0, 10);
}

/** The period a dashboard URL asks for (?period=7d|30d|90d|12m, or ?period=custom&from=…&to=…), in `timeZone`, as of `now`. */
export function parsePeriod(query: Query, timeZone: string, now = new Date()): Period {
  const today = localTimestamp(now, timeZone).slice(0, 10);
  const asked = one(query.period);
  if (asked === "custom") {
    const [from, to] = [one(query.from), one(query.to)];
    if (from && to && parseDay(from) && parseDay(to) && from <= to) {
      // Not past today (nothing to show), and no longer than MAX_DAYS back from its end.
      const end = to > today ? today : to;
      const start = daysBetween(from, end) >= MAX_DAYS ? addDays(end, -(MAX_DAYS - 1)) : from > end ? end : from;
      return build("custom", start, end, timeZone);
    }
  }
  const preset = isPreset(asked) ? asked : DEFAULT_PRESET;
  return build(preset, addDays(today, -(PRESETS[preset] - 1)), today, timeZone);
}

function build(preset: Period["preset"], fromDay: string, toDay: string, timeZone: string): Period {
  const days = daysBetween(fromDay, toDay) + 1;
  const bucket: Bucket = days <= DAILY_UP_TO ? "day" : "week";
  const step = bucket === "day" ? 1 : 7;
  const buckets = [];
  for (let i = 0; i < days; i += step) buckets.push({ day: addDays(fromDay, i), start: startOfDay(fromDay, i, timeZone) });
  return { preset, fromDay, toDay, days, from: buckets[0].start, to: startOfDay(toDay, 1, timeZone), bucket, buckets };
}

/** The query string that asks for `period` again (links, the PDF's address). */
export function periodQuery(period: Period): string {
  const q = new URLSearchParams({ period: period.preset });
  if (period.preset === "custom") { q.set("from", period.fromDay); q.set("to", period.toDay); }
  return q.toString();
}
