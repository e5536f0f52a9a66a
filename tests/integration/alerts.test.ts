import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertLinkView, offerByLink } from "@/lib/alerts/link";
import { alertsForRequest } from "@/lib/alerts/overview";
import { tokenId } from "@/lib/alerts/token";
import { runWave, sendDueWaves } from "@/lib/alerts/waves";
import { NotFoundInTenant } from "@/lib/errors";
import { rankCandidates } from "@/lib/matching/candidates";
import { respondToRequest } from "@/lib/matching/respond";
import { volunteerContact } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { changeStatus, createRequest, publishRequest } from "@/lib/requests/mutations";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { deleteVolunteerProfile, exportVolunteerData } from "@/lib/volunteers/profile";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

// Before the real clock, so waves other test files queue "now" are never due at these times.
const NOON = new Date("2026-06-02T10:00:00Z"); // 12:00 in Brussels (summer time)
const LATE = new Date("2026-06-02T21:30:00Z"); // 23:30 in Brussels: the quiet hours
const MINUTE = 60_000;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

const AREAS = [
  { name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 },
  { name: "Heverlee", postcode: "3001", latitude: 50.8617, longitude: 4.6942 },
  { name: "Kessel-Lo", postcode: "3010", latitude: 50.8889, longitude: 4.7208 },
];

type Options = { mode?: "DORMANT" | "ACTIVE" | "CRISIS"; k?: number; cap?: number; wait?: number; emailsPerDay?: number };

async function town(o: Options = {}) {
  const t = await createTown({
    mode: o.mode ?? "CRISIS", alertBatchActive: o.k ?? 5, alertBatchCrisis: o.k ?? 15, alertWaitMinutes: o.wait ?? 30,
    responseCap: o.cap ?? 5, emailsPerDay: o.emailsPerDay ?? 3,
  });
  await systemDb.area.createMany({ data: AREAS.map((a) => ({ tenantId: t.tenant.id, ...a })) });
  const coordinator = await createUser("coord");
  return { ...t, ctx: { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, responseCap: o.cap ?? 5 }, coordinator };
}
type Town = Awaited<ReturnType<typeof town>>;

async function publish(t: Town, now = NOON, overrides: Record<string, unknown> = {}) {
  const { id } = await createRequest(t.ctx, requestInput(t.categories[0].id, overrides), { source: "ONLINE", locale: "nl" });
  await publishRequest(t.ctx, t.coordinator.id, id, "Groceries for an older resident", now);
  return id;
}

const alertsOf = (t: Town, requestId: string) =>
  systemDb.alert.findMany({ where: { tenantId: t.tenant.id, requestId }, include: { wave: { select: { number: true } } }, orderBy: { createdAt: "asc" } });
/** Who was alerted (reached), wave by wave; within a wave in id order (a wave goes out at one instant). */
const alertedIds = async (t: Town, requestId: string, wave?: number) =>
  (await alertsOf(t, requestId)).filter((a) => a.alerted && (wave === undefined || a.wave.number === wave))
    .sort((a, b) => a.wave.number - b.wave.number || (a.volunteerId < b.volunteerId ? -1 : 1)).map((a) => a.volunteerId);
const sorted = (ids: string[]) => [...ids].sort();
/** The worker's step for this test's town only (other tests' towns have their own clocks). */
const due = (t: Town, now: Date) => sendDueWaves(now, { tenantId: t.tenant.id });
// Alerts on their way (an alert over the daily cap is held for the morning digest instead, as a line without its link).
const alertMails = (t: Town) => systemDb.outboxEmail.count({ where: { tenantId: t.tenant.id, template: "request-alert", status: { not: "HELD" } } });
/** The link in an alert's e-mail, as the volunteer receives it. */
async function linkOf(t: Town, volunteerId: string, requestId: string): Promise<string> {
  const alert = await systemDb.alert.findFirstOrThrow({ where: { tenantId: t.tenant.id, requestId, volunteerId } });
  const [{ outboxId }] = alert.deliveries as { outboxId: string }[];
  const mail = await systemDb.outboxEmail.findFirstOrThrow({ where: { id: outboxId } });
  return (mail.data as { url: string }).url;
}
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** The oracle: the matching's own ranking, best score first, ties by id (a fresh town: nobody alerted yet). */
async function ranked(t: Town, requestId: string) {
  return (await rankCandidates(t.ctx, requestId, Number.POSITIVE_INFINITY))
    .filter((c) => c.responseStatus === null)
    .sort((a, b) => b.score.total - a.score.total || (a.id < b.id ? -1 : 1))
    .map((c) => c.id);
}

describe("alert waves", () => {
  it("in crisis mode alerts exactly the K best-ranked, the next K after the wait, and stops when the cap fills", async () => {
    const t = await town({ k: 3, cap: 2, wait: 30 });
    const volunteers = [];
    for (let i = 0; i < 8; i++) {
      volunteers.push(await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: AREAS[i % 3].postcode, languages: i % 2 ? ["nl"] : ["fr"], maxDistanceKm: 3 + i }));
    }
    const requestId = await publish(t);
    // Publishing only queues the wave: nobody is alerted in the publishing transaction.
    expect(await alertsOf(t, requestId)).toEqual([]);
    const order = await ranked(t, requestId);

    expect(await due(t, NOON)).toBe(3);
    expect(await alertedIds(t, requestId, 1)).toEqual(sorted(order.slice(0, 3)));
    expect(await alertMails(t)).toBe(3);
    // Before the wait is over nothing more goes out, however often the worker looks.
    expect(await due(t, at(NOON, 29))).toBe(0);
    expect(await due(t, at(NOON, 30))).toBe(3);
    expect(await alertedIds(t, requestId, 2)).toEqual(sorted(order.slice(3, 6)));

    // Two offers fill the cap (2): the waiting third wave never goes out and the request's waves close.
    const byProfile = new Map(volunteers.map((v) => [v.profile.id, v.user.id]));
    for (const id of order.slice(0, 2)) await respondToRequest(t.ctx, byProfile.get(id)!, requestId);
    expect(await due(t, at(NOON, 60))).toBe(0);
    expect(await alertMails(t)).toBe(6);
    const waves = await systemDb.alertWave.findMany({ where: { tenantId: t.tenant.id, requestId }, orderBy: { number: "asc" } });
    expect(waves.map((w) => [w.number, w.mode, w.size, !!w.sentAt, !!w.closedAt])).toEqual([[1, "CRISIS", 3, true, false], [2, "CRISIS", 3, true, true]]);
  });

  it("in active mode uses the active wave size; a dormant town alerts nobody (the digest stays)", async () => {
    const active = await town({ mode: "ACTIVE", k: 2 });
    const dormant = await town({ mode: "DORMANT", k: 2 });
    for (const t of [active, dormant]) for (let i = 0; i < 4; i++) await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const a = await publish(active);
    const d = await publish(dormant);
    for (const t of [active, dormant]) await due(t, NOON);
    expect(await alertedIds(active, a)).toHaveLength(2);
    expect(await systemDb.alertWave.count({ where: { tenantId: dormant.tenant.id, requestId: d } })).toBe(0);
  });

  it("never alerts the paused, the blocked, those over their daily cap, or those who already offered; the next in rank take their places", async () => {
    const t = await town({ k: 4, emailsPerDay: 1 });
    const vs: Awaited<ReturnType<typeof createVolunteer>>[] = [];
    for (let i = 0; i < 7; i++) vs.push(await createVolunteer(t.tenant.id, [t.categories[0].id]));
    const db = forTenant(t.tenant.id);
    await db.volunteerProfile.updateMany({ where: { id: vs[0].profile.id }, data: { status: "PAUSED" } });
    await db.volunteerProfile.updateMany({ where: { id: vs[1].profile.id }, data: { status: "BLOCKED" } });
    // vs[2] already had today's one notification.
    await db.$transaction((tx) => notify(tx, t.ctx, { to: volunteerContact(vs[2].user), template: "volunteer-released", kind: "NOTIFICATION", locale: "nl", data: { url: "https://x.helpt.be/" } }, NOON));
    const requestId = await publish(t);
    await respondToRequest(t.ctx, vs[3].user.id, requestId);
    // Four wanted, three left to reach: the wave goes out short and the request's waves end.
    expect(await due(t, NOON)).toBe(3);
    const alerted = await alertedIds(t, requestId);
    expect(alerted.sort()).toEqual([vs[4], vs[5], vs[6]].map((v) => v.profile.id).sort());
    // The capped one is recorded with the reason (for the coordinator) but not counted, and its link does not work.
    const capped = (await alertsOf(t, requestId)).find((a) => a.volunteerId === vs[2].profile.id);
    expect(capped).toMatchObject({ alerted: false, deliveries: [{ channel: "EMAIL", outcome: "CAPPED" }] });
    await expect(offerByLink(t.ctx, tokenOf(await linkOf(t, vs[2].profile.id, requestId)), NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    const view = await alertsForRequest(t.ctx, requestId);
    expect(view.map((r) => r.channels[0].outcome).sort()).toEqual(["CAPPED", "QUEUED", "QUEUED", "QUEUED"]);
  });

  it("waits out the quiet hours for a normal request, and alerts at night for an urgent one", async () => {
    const t = await town({ k: 2 });
    for (let i = 0; i < 4; i++) await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const normal = await publish(t, LATE);
    expect(await due(t, LATE)).toBe(0);
    expect(await alertedIds(t, normal)).toEqual([]);
    const [wave] = await systemDb.alertWave.findMany({ where: { tenantId: t.tenant.id, requestId: normal } });
    expect(wave.dueAt).toEqual(new Date("2026-06-03T05:00:00Z")); // 07:00 in Brussels
    expect(await due(t, new Date("2026-06-03T05:00:00Z"))).toBe(2);

    const urgent = await publish(t, LATE, { urgency: "HIGH" });
    await forTenant(t.tenant.id).helpRequest.updateMany({ where: { id: urgent }, data: { urgency: "HIGH" } });
    expect(await due(t, LATE)).toBe(2);
    const records = await systemDb.notification.findMany({ where: { tenantId: t.tenant.id, template: "request-alert", urgent: true } });
    expect(records.map((r) => r.outcome)).toEqual(["QUEUED", "QUEUED"]);
  });

  it("rotates fairly: among equal ranks, those alerted least recently go first", async () => {
    const t = await town({ k: 2, emailsPerDay: 10 });
    // Identical profiles in one place: every score is equal.
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await createVolunteer(t.tenant.id, [t.categories[0].id])).profile.id);
    const first = await publish(t);
    await due(t, NOON);
    const second = await publish(t, at(NOON, 1));
    await due(t, at(NOON, 1));
    const a = await alertedIds(t, first);
    const b = await alertedIds(t, second);
    expect(a).toEqual([...ids].sort().slice(0, 2));
    expect(new Set([...a, ...b])).toEqual(new Set(ids));
  });

  it("two workers never send the same wave twice", async () => {
    const t = await town({ k: 4 });
    for (let i = 0; i < 10; i++) await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const requestId = await publish(t);
    const [wave] = await systemDb.alertWave.findMany({ where: { tenantId: t.tenant.id, requestId } });
    const results = await Promise.all([runWave(t.tenant.id, wave.id, requestId, NOON), runWave(t.tenant.id, wave.id, requestId, NOON), due(t, NOON)]);
    expect(results.reduce((s, n) => s + n, 0)).toBe(4);
    expect(await alertMails(t)).toBe(4);
    // And the escalation, raced the same way, makes one second wave.
    const later = at(NOON, 30);
    await Promise.all([runWave(t.tenant.id, wave.id, requestId, later), runWave(t.tenant.id, wave.id, requestId, later)]);
    expect(await systemDb.alertWave.count({ where: { tenantId: t.tenant.id, requestId } })).toBe(2);
    expect(await alertMails(t)).toBe(8);
  });

  it("closes the waves of a request that is closed meanwhile", async () => {
    const t = await town({ k: 1 });
    for (let i = 0; i < 3; i++) await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const requestId = await publish(t);
    await due(t, NOON);
    await changeStatus(t.ctx, t.coordinator.id, requestId, "CANCELLED");
    expect(await due(t, at(NOON, 30))).toBe(0);
    expect(await systemDb.alertWave.count({ where: { tenantId: t.tenant.id, requestId, closedAt: { not: null } } })).toBe(1);
  });

  it("holds its rules over generated towns, offers and times (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          k: fc.integer({ min: 1, max: 3 }),
          cap: fc.integer({ min: 1, max: 4 }),
          people: fc.array(fc.record({ area: fc.nat(2), status: fc.constantFrom("ACTIVE", "ACTIVE", "ACTIVE", "PAUSED", "BLOCKED"), capped: fc.boolean(), lang: fc.constantFrom("nl", "fr") }), { maxLength: 9 }),
          // Per round: minutes since the last worker run, and how many alerted volunteers then offer through their link.
          rounds: fc.array(fc.record({ minutes: fc.constantFrom(1, 10, 30, 45), offers: fc.nat(2) }), { minLength: 1, maxLength: 5 }),
        }),
        async ({ k, cap, people, rounds }) => {
          const t = await town({ k, cap, wait: 30, emailsPerDay: 1 });
          const db = forTenant(t.tenant.id);
          const status = new Map<string, string>();
          const capped = new Set<string>();
          for (const p of people) {
            const v = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: AREAS[p.area].postcode, languages: [p.lang] });
            status.set(v.profile.id, p.status);
            if (p.status !== "ACTIVE") await db.volunteerProfile.updateMany({ where: { id: v.profile.id }, data: { status: p.status as "PAUSED" } });
            if (p.capped) {
              capped.add(v.profile.id);
              await db.$transaction((tx) => notify(tx, t.ctx, { to: volunteerContact(v.user), template: "volunteer-released", kind: "NOTIFICATION", locale: "nl", data: { url: "https://x.helpt.be/" } }, NOON));
            }
          }
          const requestId = await publish(t);
          const eligible = (await ranked(t, requestId)).filter((id) => !capped.has(id));
          let now = NOON;
          let lastWaveAt: Date | null = null;
          let offered = 0;
          let expectedNext = 0;
          for (const round of [{ minutes: 0, offers: 0 }, ...rounds]) {
            now = at(now, round.minutes);
            const before = await alertedIds(t, requestId);
            const sent = await due(t, now);
            const after = await alertedIds(t, requestId);
            const fresh = after.filter((id) => !before.includes(id));
            expect(fresh).toHaveLength(sent);
            if (sent > 0) {
              // Never over the cap, never before the wait, exactly the next K in rank (fewer only when nobody is left).
              expect(offered).toBeLessThan(cap);
              if (lastWaveAt) expect(now.getTime() - lastWaveAt.getTime()).toBeGreaterThanOrEqual(30 * MINUTE);
              expect(fresh).toEqual(sorted(eligible.slice(expectedNext, expectedNext + k)));
              expectedNext += fresh.length;
              lastWaveAt = now;
            } else if (offered < cap && expectedNext < eligible.length && (!lastWaveAt || now.getTime() - lastWaveAt.getTime() >= 30 * MINUTE)) {
              throw new Error("a due wave did not go out");
            }
            for (const id of fresh) {
              expect(status.get(id)).toBe("ACTIVE");
              expect(capped.has(id)).toBe(false);
            }
            // Some alerted volunteers answer through their link (room permitting).
            for (const id of after.slice(0, round.offers)) {
              const token = tokenOf(await linkOf(t, id, requestId));
              const used = !!(await systemDb.alert.findFirst({ where: { tenantId: t.tenant.id, id: tokenId(token)! } }))?.usedAt;
              if (used) continue;
              try {
                await offerByLink(t.ctx, token, now);
                offered++;
              } catch (error) {
                expect(error).toMatchObject({ key: "requestFull" });
              }
            }
          }
          expect(new Set(await alertedIds(t, requestId)).size).toBe((await alertedIds(t, requestId)).length);
          expect(await alertMails(t)).toBe(expectedNext);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000); // a dozen generated towns, each with its volunteers and rounds: slow on a busy machine
});

describe("the one-click link", () => {
  async function alerted() {
    const t = await town({ k: 1, cap: 1 });
    const v = await createVolunteer(t.tenant.id, [t.categories[0].id], { name: "Lotte" });
    const requestId = await publish(t);
    await due(t, NOON);
    return { t, v, requestId, token: tokenOf(await linkOf(t, v.profile.id, requestId)) };
  }

  it("is short enough for a text message, and opening it changes nothing", async () => {
    const { t, requestId, token } = await alerted();
    const url = await linkOf(t, (await alertsOf(t, requestId))[0].volunteerId, requestId);
    expect(url).toMatch(new RegExp(`^http://${t.tenant.slug}\\.localhost(:\\d+)?/a/[A-Za-z0-9_-]{22}$`));
    const view = await alertLinkView(t.ctx, token, "nl", NOON);
    expect(view).toMatchObject({ open: true, summary: "Groceries for an older resident", place: "Centrum" });
    await alertLinkView(t.ctx, token, "nl", NOON);
    expect(await systemDb.response.count({ where: { requestId } })).toBe(0);
  });

  it("makes the offer once, as that volunteer, without signing in; the coordinator sees it", async () => {
    const { t, v, requestId, token } = await alerted();
    const response = await offerByLink(t.ctx, token, NOON);
    expect(response).toMatchObject({ requestId, volunteerId: v.profile.id, status: "PENDING" });
    // Replayed: refused, and it says nothing about why.
    await expect(offerByLink(t.ctx, token, NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(alertLinkView(t.ctx, token, "nl", NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    const [row] = await alertsForRequest(t.ctx, requestId);
    expect(row).toMatchObject({ volunteerName: "Lotte", wave: 1, channels: [{ channel: "EMAIL", outcome: "QUEUED", delivery: null }] });
    expect(row.usedAt).not.toBeNull();
    // The volunteer's own export lists it; erasing the profile erases it.
    const exported = await exportVolunteerData(t.ctx, v.user.id);
    expect(exported.profile.alerts).toMatchObject([{ requestId, alerted: true }]);
    await deleteVolunteerProfile(t.ctx, v.user.id);
    expect(await systemDb.alert.count({ where: { tenantId: t.tenant.id, requestId } })).toBe(0);
  });

  it("refuses forged, expired and other towns' links (generated forgeries)", async () => {
    const { t, requestId, token } = await alerted();
    const other = await town();
    await expect(offerByLink(other.ctx, token, NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(alertLinkView(other.ctx, token, "nl", NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(offerByLink(t.ctx, token, at(NOON, 3 * 24 * 60))).rejects.toBeInstanceOf(NotFoundInTenant);
    // A second spelling of the same signature (the last character's unused low bits flipped) is not the token.
    const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respelt = token.slice(0, 21) + B64[B64.indexOf(token[21]) ^ 1];
    expect(Buffer.from(respelt.slice(11), "base64url")).toEqual(Buffer.from(token.slice(11), "base64url"));
    await expect(offerByLink(t.ctx, respelt, NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // The real id with any other signature, any change of one character, or anything at all.
          fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: 11, maxLength: 11 }).map((mac) => token.slice(0, 11) + mac),
          // (The last character of each half carries unused bits: "A" and "B" decode alike there, and must not pass.)
          fc.tuple(fc.nat(21), fc.constantFrom(..."ABab0-_Zz9")).map(([i, c]) => token.slice(0, i) + c + token.slice(i + 1)),
          fc.string({ maxLength: 60 }),
        ).filter((forged) => forged !== token),
        async (forged) => {
          await expect(offerByLink(t.ctx, forged, NOON)).rejects.toBeInstanceOf(NotFoundInTenant);
        },
      ),
      { numRuns: 60 },
    );
    expect(await systemDb.response.count({ where: { requestId } })).toBe(0);
    // The real one still works afterwards.
    await offerByLink(t.ctx, token, NOON);
  }, 60_000);

  it("honours the cap and blocks like a signed-in offer", async () => {
    const t = await town({ k: 2, cap: 1 });
    const a = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const b = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const requestId = await publish(t);
    await due(t, NOON);
    await offerByLink(t.ctx, tokenOf(await linkOf(t, a.profile.id, requestId)), NOON);
    const tokenB = tokenOf(await linkOf(t, b.profile.id, requestId));
    await expect(offerByLink(t.ctx, tokenB, NOON)).rejects.toMatchObject({ key: "requestFull" });
    await forTenant(t.tenant.id).response.updateMany({ where: { requestId }, data: { status: "WITHDRAWN" } });
    await forTenant(t.tenant.id).volunteerProfile.updateMany({ where: { id: b.profile.id }, data: { status: "BLOCKED" } });
    await expect(offerByLink(t.ctx, tokenB, NOON)).rejects.toMatchObject({ key: "volunteerNotActive" });
  });
});
