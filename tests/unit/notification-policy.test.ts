import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localTimestamp } from "@/lib/dates/zoned";
import { decide, dueAt, localDay, QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, type Channel, type Kind } from "@/lib/notifications/policy";

const HOUR = 3_600_000;
const ZONES = ["Europe/Brussels", "Europe/Amsterdam", "Europe/Paris", "Europe/Luxembourg", "Europe/London", "Europe/Helsinki", "America/New_York", "Australia/Sydney", "UTC"];
// Summer time starts and ends in Europe (last Sunday of March and October, 01:00 UTC), and in Sydney and New York.
const CLOCK_CHANGES = [
  "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2027-03-28T01:00:00Z", "2027-10-31T01:00:00Z",
  "2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z", "2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z",
].map((s) => Date.parse(s));

const zone = fc.constantFrom(...ZONES);
// Any instant over a few years, and instants within a day of a clock change, where mistakes hide.
const instant = fc.oneof(
  fc.integer({ min: Date.parse("2025-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
  fc.tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -30 * HOUR, max: 30 * HOUR })).map(([t, d]) => t + d),
).map((t) => new Date(t));
const hourOf = (at: Date, timeZone: string) => Number(localTimestamp(at, timeZone).slice(11, 13));
const quiet = (at: Date, timeZone: string) => hourOf(at, timeZone) >= QUIET_FROM_HOUR || hourOf(at, timeZone) < QUIET_UNTIL_HOUR;

describe("quiet hours", () => {
  it("defer a non-urgent notification to the first 07:00 on the town's clock, and nothing else", () => {
    fc.assert(fc.property(instant, zone, (now, timeZone) => {
      const due = dueAt(now, timeZone, { kind: "NOTIFICATION", urgent: false });
      if (!quiet(now, timeZone)) {
        expect(due).toEqual(now);
        return;
      }
      expect(localTimestamp(due, timeZone).slice(11)).toBe("07:00:00");
      expect(due.getTime()).toBeGreaterThan(now.getTime());
      // The first 07:00 after now: the night lasts at most 9 hours, 10 when the clock goes back.
      expect(due.getTime() - now.getTime()).toBeLessThanOrEqual(10 * HOUR);
      expect(quiet(new Date(due.getTime() - 1000), timeZone)).toBe(true);
    }), { numRuns: 500 });
  });

  it("never hold an urgent or a transactional message", () => {
    fc.assert(fc.property(instant, zone, fc.constantFrom<Kind>("NOTIFICATION", "TRANSACTIONAL"), fc.boolean(), (now, timeZone, kind, urgent) => {
      fc.pre(urgent || kind === "TRANSACTIONAL");
      expect(dueAt(now, timeZone, { kind, urgent })).toEqual(now);
    }));
  });

  it("follow the town's zone: 23:30 in Brussels is 22:30 in London, 17:30 in New York", () => {
    const now = new Date("2026-07-01T21:30:00Z");
    expect(dueAt(now, "Europe/Brussels", { kind: "NOTIFICATION", urgent: false })).toEqual(new Date("2026-07-02T05:00:00Z"));
    expect(dueAt(now, "Europe/London", { kind: "NOTIFICATION", urgent: false })).toEqual(new Date("2026-07-02T06:00:00Z"));
    expect(dueAt(now, "America/New_York", { kind: "NOTIFICATION", urgent: false })).toEqual(now);
    // The night the clocks go back in Brussels (25 October 2026) ends at 07:00 winter time.
    expect(dueAt(new Date("2026-10-24T22:30:00Z"), "Europe/Brussels", { kind: "NOTIFICATION", urgent: false })).toEqual(new Date("2026-10-25T06:00:00Z"));
  });
});

describe("the daily cap's day", () => {
  it("is the local calendar day: 23 to 25 hours from local midnight to local midnight", () => {
    fc.assert(fc.property(instant, zone, (at, timeZone) => {
      const { start, end } = localDay(at, timeZone);
      expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
      expect(end.getTime()).toBeGreaterThan(at.getTime());
      expect([23, 24, 25].map((h) => h * HOUR)).toContain(end.getTime() - start.getTime());
      expect(localTimestamp(start, timeZone)).toBe(`${localTimestamp(at, timeZone).slice(0, 10)} 00:00:00`);
    }), { numRuns: 500 });
  });

  it("puts two instants in one bucket exactly when the town's calendar shows the same date", () => {
    fc.assert(fc.property(instant, fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), zone, (a, shift, timeZone) => {
      const b = new Date(a.getTime() + shift);
      const sameDate = localTimestamp(a, timeZone).slice(0, 10) === localTimestamp(b, timeZone).slice(0, 10);
      expect(localDay(a, timeZone).start.getTime() === localDay(b, timeZone).start.getTime()).toBe(sameDate);
    }), { numRuns: 500 });
  });
});

describe("decide", () => {
  const channel = fc.constantFrom<Channel>("EMAIL", "SMS", "PUSH");
  const kind = fc.constantFrom<Kind>("NOTIFICATION", "TRANSACTIONAL");
  const input = fc.record({
    channel, kind, consent: fc.boolean(), verified: fc.boolean(), optedOut: fc.boolean(), deferred: fc.boolean(),
    usedThatDay: fc.nat(30), cap: fc.nat(20),
  });
  type Input = { channel: Channel; kind: Kind; consent: boolean; verified: boolean; optedOut?: boolean; deferred: boolean; usedThatDay: number; cap: number };
  const run = (i: Input) => {
    const now = new Date("2026-12-02T12:00:00Z");
    return decide({
      channel: i.channel, kind: i.kind, address: { consent: i.consent, verified: i.verified, optedOut: i.optedOut }, now,
      due: i.deferred ? new Date(now.getTime() + HOUR) : now, usedThatDay: i.usedThatDay, cap: i.cap,
    });
  };

  it("applies an opt-out, then consent, then a confirmed address, then the cap, then the quiet hours", () => {
    fc.assert(fc.property(input, (i) => {
      // A text always needs consent, an alert also a confirmed number; a push subscription needs both, whatever the kind.
      const needsConsent = i.channel !== "EMAIL" || i.kind === "NOTIFICATION";
      const needsVerified = i.channel === "PUSH" || i.kind === "NOTIFICATION";
      const expected =
        i.optedOut ? "OPTED_OUT"
        : needsConsent && !i.consent ? "NO_CONSENT"
        : needsVerified && !i.verified ? "UNVERIFIED"
        : i.kind === "NOTIFICATION" && i.usedThatDay >= i.cap ? "CAPPED"
        : i.deferred ? "DEFERRED" : "QUEUED";
      expect(run(i)).toBe(expected);
    }), { numRuns: 1000 });
  });

  it("lets exactly `cap` notifications a day through, whatever the order of other messages", () => {
    fc.assert(fc.property(fc.nat(10), fc.array(kind, { maxLength: 40 }), (cap, kinds) => {
      let used = 0;
      let passed = 0;
      for (const k of kinds) {
        const outcome = run({ channel: "EMAIL", kind: k, consent: true, verified: true, deferred: false, usedThatDay: used, cap });
        if (k === "NOTIFICATION" && outcome === "QUEUED") used++, passed++;
        if (k === "TRANSACTIONAL") expect(outcome).toBe("QUEUED");
      }
      expect(passed).toBe(Math.min(cap, kinds.filter((k) => k === "NOTIFICATION").length));
    }));
  });
});
