import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localTimestamp, startOfDay } from "@/lib/dates/zoned";
import { addDays, DAILY_UP_TO, DEFAULT_PRESET, MAX_DAYS, parsePeriod, periodQuery, PRESETS } from "@/lib/stats/period";

const ZONES = ["Europe/Brussels", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "UTC"];
const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// What people and scripts put in a URL: real and unreal days, other shapes, repeated parameters.
const junk = fc.oneof(fc.string(), day, fc.constantFrom("2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "7d", "custom", "__proto__", "constructor"));
const value = fc.oneof(fc.constant(undefined), junk, fc.array(junk, { maxLength: 3 }));

/** Every period, whatever was asked: well-formed, bounded, ending no later than today. */
function wellFormed(p: ReturnType<typeof parsePeriod>, zone: string, now: Date) {
  const today = localTimestamp(now, zone).slice(0, 10);
  expect(p.days).toBeGreaterThanOrEqual(1);
  expect(p.days).toBeLessThanOrEqual(MAX_DAYS);
  expect(p.toDay <= today).toBe(true);
  expect(addDays(p.fromDay, p.days - 1)).toBe(p.toDay);
  expect(p.from).toEqual(startOfDay(p.fromDay, 0, zone));
  expect(p.to).toEqual(startOfDay(p.toDay, 1, zone));
  expect(p.bucket).toBe(p.days <= DAILY_UP_TO ? "day" : "week");
  expect(p.buckets.length).toBe(Math.ceil(p.days / (p.bucket === "day" ? 1 : 7)));
  // Buckets follow each other in time, inside the period, each starting at a midnight of the town.
  p.buckets.forEach((b, i) => {
    expect(b.start).toEqual(startOfDay(b.day, 0, zone));
    if (i > 0) expect(b.start.getTime()).toBeGreaterThan(p.buckets[i - 1].start.getTime());
  });
  expect(p.buckets[0].start).toEqual(p.from);
  expect(p.buckets.at(-1)!.start.getTime()).toBeLessThan(p.to.getTime());
}

describe("dashboard period", () => {
  it("is always a well-formed, bounded period, whatever the URL holds", () => {
    fc.assert(fc.property(fc.record({ period: value, from: value, to: value }), fc.constantFrom(...ZONES), fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }), (query, zone, now) => {
      wellFormed(parsePeriod(query, zone, now), zone, now);
    }), { numRuns: 200 });
  });

  it("reads a preset as that many days ending today, and anything unknown as the default", () => {
    fc.assert(fc.property(fc.constantFrom(...Object.keys(PRESETS), "1y", "", "30D"), fc.constantFrom(...ZONES), (asked, zone) => {
      const now = new Date("2026-03-29T01:30:00Z"); // the night the clocks change in Brussels
      const p = parsePeriod({ period: asked }, zone, now);
      const preset = Object.hasOwn(PRESETS, asked) ? asked as keyof typeof PRESETS : DEFAULT_PRESET;
      expect(p.preset).toBe(preset);
      expect(p.days).toBe(PRESETS[preset]);
      expect(p.toDay).toBe(localTimestamp(now, zone).slice(0, 10));
    }));
  });

  it("keeps a custom period as asked when it is real and short enough, clamps it otherwise, and writes it back the same", () => {
    fc.assert(fc.property(day, day, fc.constantFrom(...ZONES), (a, b, zone) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const now = new Date("2041-01-01T12:00:00Z");
      const p = parsePeriod({ period: "custom", from, to }, zone, now);
      expect(p.preset).toBe("custom");
      expect(p.toDay).toBe(to);
      expect(p.fromDay).toBe(p.days === MAX_DAYS && from < addDays(to, -(MAX_DAYS - 1)) ? addDays(to, -(MAX_DAYS - 1)) : from);
      expect(parsePeriod(Object.fromEntries(new URLSearchParams(periodQuery(p))), zone, now)).toEqual(p);
    }));
  });

  it("falls back to the default when a custom period runs backwards or is not a day", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    for (const q of [{ from: "2026-11-10", to: "2026-11-01" }, { from: "2026-02-30", to: "2026-03-01" }, { from: "2026-11-01" }, { from: "2026-11-01", to: ["2026-11-02", "2026-11-03"] }]) {
      expect(parsePeriod({ period: "custom", ...q }, "Europe/Brussels", now).preset).toBe(DEFAULT_PRESET);
    }
  });
});
