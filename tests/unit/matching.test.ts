import { describe, expect, it } from "vitest";
import { distanceKm } from "@/lib/matching/distance";
import { scoreCandidate, type ScoreInput } from "@/lib/matching/score";
import { whenSlots, type When } from "@/lib/when/when";

const base: ScoreInput = {
  distanceKm: 0, samePostcode: true, maxDistanceKm: 5, offersCategory: true, hasUsefulSkill: false,
  speaksLanguage: true, requestSlots: [], availability: [], recentAssignments: 0,
};

describe("ranking score", () => {
  it("gives a perfect nearby, fitting, fresh volunteer the top score", () => {
    expect(scoreCandidate({ ...base, hasUsefulSkill: true, requestSlots: ["TUE_MORNING"], availability: ["TUE_MORNING"] }))
      .toEqual({ distance: 35, fit: 25, language: 15, availability: 10, fairness: 15, total: 100 });
  });

  it("falls linearly with distance up to the volunteer's own limit", () => {
    expect(scoreCandidate({ ...base, distanceKm: 2.5 }).distance).toBe(17.5);
    expect(scoreCandidate({ ...base, distanceKm: 5 }).distance).toBe(0);
    expect(scoreCandidate({ ...base, distanceKm: 9 }).distance).toBe(0);
  });

  it("uses the postcode when coordinates are unknown", () => {
    expect(scoreCandidate({ ...base, distanceKm: null }).distance).toBe(25);
    expect(scoreCandidate({ ...base, distanceKm: null, samePostcode: false }).distance).toBe(0);
  });

  it("prefers volunteers with fewer recent assignments (fairness)", () => {
    const fresh = scoreCandidate(base).total;
    const busy = scoreCandidate({ ...base, recentAssignments: 2 }).total;
    const busiest = scoreCandidate({ ...base, recentAssignments: 9 });
    expect(fresh - busy).toBe(10);
    expect(busiest.fairness).toBe(0);
  });

  it("rewards language and availability", () => {
    expect(scoreCandidate({ ...base, speaksLanguage: false }).total).toBe(scoreCandidate(base).total - 15);
    expect(scoreCandidate({ ...base, requestSlots: ["MON_EVENING"], availability: ["TUE_MORNING"] }).availability).toBe(0);
    expect(scoreCandidate({ ...base, requestSlots: [] }).availability).toBe(5);
  });
});

describe("when → availability slots", () => {
  it.each<[string, When, string[]]>([
    ["Tuesday morning", { kind: "WEEKDAY", weekday: "TUE", part: "MORNING" }, ["TUE_MORNING"]],
    ["Thursday afternoon", { kind: "WEEKDAY", weekday: "THU", part: "AFTERNOON" }, ["THU_AFTERNOON"]],
    ["Monday, any time", { kind: "WEEKDAY", weekday: "MON", part: null }, ["MON_MORNING", "MON_AFTERNOON", "MON_EVENING"]],
    ["Monday 30 November 2026, evening", { kind: "DATE", date: "2026-11-30", part: "EVENING" }, ["MON_EVENING"]],
    ["Sunday 29 March 2026 (clocks change)", { kind: "DATE", date: "2026-03-29", part: null }, ["SUN_MORNING", "SUN_AFTERNOON", "SUN_EVENING"]],
    ["as soon as possible", { kind: "ASAP" }, []],
  ])("%s", (_label, when, slots) => {
    expect(whenSlots(when)).toEqual(slots);
  });
});

describe("distance", () => {
  it("measures Leuven centre to Heverlee at about 2 km", () => {
    const d = distanceKm({ latitude: 50.8798, longitude: 4.7005 }, { latitude: 50.8617, longitude: 4.6942 })!;
    expect(d).toBeGreaterThan(1.8);
    expect(d).toBeLessThan(2.3);
    expect(distanceKm({ latitude: null, longitude: 4 }, { latitude: 50, longitude: 4 })).toBeNull();
  });
});
