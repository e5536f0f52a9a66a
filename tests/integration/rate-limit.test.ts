import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LIMITS, withinLimits } from "@/lib/abuse/rate-limit";
import { uniqueSlug } from "./helpers/factories";
import { statementsOf } from "./helpers/statements";

describe("rate limits (PostgreSQL store)", () => {
  afterEach(() => vi.useRealTimers());

  it("allows the configured number of submissions per IP, then refuses", async () => {
    const key = uniqueSlug("ip");
    const results: boolean[] = [];
    for (let i = 0; i < LIMITS.helpRequestPerIp.points + 2; i++) results.push(await withinLimits([["helpRequestPerIp", key]]));
    expect(results.filter(Boolean)).toHaveLength(LIMITS.helpRequestPerIp.points);
    expect(results.slice(-2)).toEqual([false, false]);
    expect(await withinLimits([["helpRequestPerIp", uniqueSlug("other-ip")]])).toBe(true);
  });

  it("counts concurrent submissions exactly", async () => {
    const key = uniqueSlug("burst");
    const results = await Promise.all(Array.from({ length: 12 }, () => withinLimits([["helpRequestPerIp", key]])));
    expect(results.filter(Boolean)).toHaveLength(LIMITS.helpRequestPerIp.points);
  });

  it("costs one statement per limit, on a new key, a counted one and an expired window", async () => {
    const key = uniqueSlug("one");
    await withinLimits([["signupPerIp", "warm-up"]]);
    for (let i = 0; i < 3; i++) expect(await statementsOf(() => withinLimits([["signupPerIp", key]]))).toHaveLength(1);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + LIMITS.signupPerIp.duration * 1000 + 1);
    expect(await statementsOf(() => withinLimits([["signupPerIp", key]]))).toHaveLength(1);
  });

  it("starts a new window once the old one has expired, and only then (generated)", async () => {
    const { points, duration } = LIMITS.magicLinkPerEmail;
    const windowMs = duration * 1000;
    vi.useFakeTimers({ toFake: ["Date"] });
    // Steps: wait a while (often across a window's end, sometimes exactly to it), then ask n times.
    const step = fc.record({
      waitMs: fc.oneof(fc.integer({ min: 0, max: windowMs * 2 }), fc.constantFrom(0, 1, windowMs - 1, windowMs, windowMs + 1)),
      asks: fc.integer({ min: 1, max: points + 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const key = uniqueSlug("window");
        let now = Date.UTC(2026, 10, 30, 12);
        let window: { end: number; used: number } | undefined;
        for (const { waitMs, asks } of steps) {
          now += waitMs;
          vi.setSystemTime(now);
          for (let i = 0; i < asks; i++) {
            if (!window || window.end <= now) window = { end: now + windowMs, used: 0 };
            window.used++;
            expect(await withinLimits([["magicLinkPerEmail", key]])).toBe(window.used <= points);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
