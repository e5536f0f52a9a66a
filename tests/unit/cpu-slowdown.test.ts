import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cpuSlowdownFor } from "../../scripts/lib/cpu-slowdown";

describe("Lighthouse CPU slowdown from the machine's BenchmarkIndex", () => {
  it("follows Lighthouse's calibration points", () => {
    expect([150, 800, 1300, 1533, 1766, 2000].map(cpuSlowdownFor)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("never speeds a machine up, even one slower than the emulated phone", () => {
    expect(cpuSlowdownFor(60)).toBe(1);
  });

  it("grows with the machine's speed, without jumps at the calibration points", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 50 }), (index, step) => {
      const [slow, fast] = [cpuSlowdownFor(index), cpuSlowdownFor(index + step)];
      expect(fast).toBeGreaterThanOrEqual(slow);
      expect(fast - slow).toBeLessThanOrEqual(step / 233 + 0.011);
    }));
  });
});
