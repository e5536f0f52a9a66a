import { describe, expect, it } from "vitest";
import { parseDay, startOfDay } from "@/lib/dates/zoned";

describe("town days", () => {
  it("start at midnight in Brussels, winter and summer time alike", () => {
    expect(startOfDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDay("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // The nights the clocks change: the day itself starts on the old offset, the next on the new.
    expect(startOfDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-29", 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfDay("2026-10-25", 1).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(startOfDay("2026-12-31", 1).toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(startOfDay("2026-03-29", 0, "UTC").toISOString()).toBe("2026-03-29T00:00:00.000Z");
  });

  it("exist only on the calendar", () => {
    expect(parseDay("2028-02-29")).toEqual({ y: 2028, m: 2, d: 29 });
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-1", "26-01-01", "2026-01-01T00:00", ""]) expect(parseDay(bad), bad).toBeNull();
    expect(() => startOfDay("2026-02-30")).toThrow(RangeError);
  });
});
