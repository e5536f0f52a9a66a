import { describe, expect, it } from "vitest";
import { LIMITS, withinLimits } from "@/lib/abuse/rate-limit";
import { uniqueSlug } from "./helpers/factories";

describe("rate limits (PostgreSQL store)", () => {
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
});
