import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelEvery, niceCeiling, scaled, ticks } from "@/components/charts/scale";

const MANTISSAS = [1, 2, 2.5, 5];
const isNice = (n: number) => {
  const power = 10 ** Math.floor(Math.log10(n));
  return MANTISSAS.some((m) => Math.abs(n / power - m) < 1e-9) || Math.abs(n / power - 10) < 1e-9;
};

describe("chart scale", () => {
  it("tops the axis with the smallest round number at least the largest value", () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (max) => {
      const top = niceCeiling(max);
      expect(top).toBeGreaterThanOrEqual(max * (1 - 1e-9));
      expect(isNice(top)).toBe(true);
      // The next round number down would cut the largest value off.
      expect(top / 2.5).toBeLessThan(max);
    }));
  });

  it("draws an empty chart on a 0–1 axis, not a division by zero", () => {
    for (const max of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(niceCeiling(max)).toBe(1);
    expect(ticks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("scales every value into the plot, in order", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1 }), fc.integer({ min: 10, max: 1000 }), (values, height) => {
      const top = ticks(Math.max(...values)).at(-1)!;
      const ys = values.map((v) => scaled(v, top, height));
      ys.forEach((y) => { expect(y).toBeGreaterThanOrEqual(0); expect(y).toBeLessThanOrEqual(height); });
      const sorted = [...values].sort((a, b) => a - b).map((v) => scaled(v, top, height));
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
      expect(scaled(Math.max(...values), top, height)).toBeGreaterThan(Math.max(...values) > 0 ? height * 0.39 : -1);
    }));
  });

  it("prints at most `room` labels along the axis, the first always", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 20 }), (count, room) => {
      const every = labelEvery(count, room);
      expect(Math.ceil(count / every)).toBeLessThanOrEqual(room);
      expect(every).toBeGreaterThanOrEqual(1);
    }));
  });
});
