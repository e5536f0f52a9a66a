import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NotificationChannel, NotificationDelivery, NotificationOutcome } from "@/generated/prisma/client";
import { CAUSES_SHOWN, reachFigures } from "@/lib/reach/figures";
import { systemDb } from "@/lib/tenancy/system";
import { createTown } from "./helpers/factories";

const CHANNELS: NotificationChannel[] = ["EMAIL", "SMS", "PUSH"];
const OUTCOMES: NotificationOutcome[] = ["QUEUED", "DEFERRED", "CAPPED", "NO_CONSENT", "UNVERIFIED", "OPTED_OUT"];
const DELIVERIES: (NotificationDelivery | null)[] = [null, "SENT", "DELIVERED", "FAILED"];
// Two crisis calls, two waves, and causes the figures do not show (a digest without ref, something else).
const REFS = ["crisis-call:2026-12-01T10:00:00.000Z", "crisis-call:2026-12-02T08:30:00.000Z", "alert-wave:w1", "alert-wave:w2", "reminder:x", null];

const notification = fc.record({
  ref: fc.constantFrom(...REFS), channel: fc.constantFrom(...CHANNELS), outcome: fc.constantFrom(...OUTCOMES),
  delivery: fc.constantFrom(...DELIVERIES), minutes: fc.integer({ min: 0, max: 10_000 }),
});
type Generated = { ref: string | null; channel: NotificationChannel; outcome: NotificationOutcome; delivery: NotificationDelivery | null; minutes: number };

const rows = (tenantId: string, list: Generated[]) => list.map((n, i) => ({
  tenantId, channel: n.channel, template: "crisis-call", recipient: `person-${i}@example.be`, counted: true, outcome: n.outcome, dueAt: new Date(),
  ref: n.ref, delivery: n.delivery, createdAt: new Date(Date.UTC(2026, 11, 1) + n.minutes * 60_000),
}));

/** The figures counted the plain way, one notification at a time. */
function recount(list: Generated[]) {
  const shown = list.filter((n) => n.ref?.startsWith("crisis-call:") || n.ref?.startsWith("alert-wave:"));
  const byRef = new Map<string, Map<NotificationChannel, Record<string, number>>>();
  for (const n of shown) {
    const channels = byRef.get(n.ref!) ?? new Map();
    const f = channels.get(n.channel) ?? { messages: 0, queued: 0, deferred: 0, capped: 0, noConsent: 0, unverified: 0, optedOut: 0, sent: 0, delivered: 0, failed: 0 };
    f.messages++;
    f[{ QUEUED: "queued", DEFERRED: "deferred", CAPPED: "capped", NO_CONSENT: "noConsent", UNVERIFIED: "unverified", OPTED_OUT: "optedOut" }[n.outcome]]++;
    if (n.delivery === "SENT" || n.delivery === "DELIVERED") f.sent++;
    if (n.delivery === "DELIVERED") f.delivered++;
    if (n.delivery === "FAILED") f.failed++;
    channels.set(n.channel, f);
    byRef.set(n.ref!, channels);
  }
  const started = (ref: string) => Math.min(...shown.filter((n) => n.ref === ref).map((n) => n.minutes));
  return [...byRef.entries()]
    .sort(([a], [b]) => started(b) - started(a) || a.localeCompare(b))
    .map(([ref, channels]) => ({ ref, channels: CHANNELS.filter((c) => channels.has(c)).map((channel) => ({ channel, ...channels.get(channel)! })) }));
}

describe("reach figures", () => {
  it("equal a plain recount per cause and channel, and never count another town's notifications", async () => {
    await fc.assert(fc.asyncProperty(fc.array(notification, { maxLength: 60 }), fc.array(notification, { maxLength: 60 }), async (mine, theirs) => {
      const [{ tenant }, { tenant: other }] = await Promise.all([createTown(), createTown()]);
      await systemDb.notification.createMany({ data: [...rows(tenant.id, mine), ...rows(other.id, theirs)] });
      const figures = await reachFigures(tenant);
      // Ties in start time have no meaningful order: compare as sets, and the order by start where it differs.
      const expected = recount(mine);
      expect(new Map(figures.map((c) => [c.ref, c.channels]))).toEqual(new Map(expected.map((c) => [c.ref, c.channels])));
      const starts = figures.map((c) => c.startedAt.getTime());
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
    }), { numRuns: 15 });
  });

  it("names the cause (a crisis call's moment, a wave's id) and shows the newest causes only", async () => {
    const { tenant } = await createTown();
    const many = Array.from({ length: CAUSES_SHOWN + 3 }, (_, i): Generated => ({ ref: `alert-wave:w${i}`, channel: "EMAIL", outcome: "QUEUED", delivery: "SENT", minutes: i }));
    await systemDb.notification.createMany({ data: rows(tenant.id, [...many, { ref: REFS[0], channel: "PUSH", outcome: "QUEUED", delivery: null, minutes: 99_999 }]) });
    const figures = await reachFigures(tenant);
    expect(figures).toHaveLength(CAUSES_SHOWN);
    expect(figures[0].cause).toEqual({ kind: "crisis-call", at: new Date("2026-12-01T10:00:00.000Z") });
    expect(figures[1].cause).toEqual({ kind: "alert-wave", id: `w${CAUSES_SHOWN + 2}` });
    expect(figures.map((c) => c.ref)).not.toContain("alert-wave:w0");
  });
});
