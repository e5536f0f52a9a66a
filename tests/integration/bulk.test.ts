import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bulkRequests } from "@/lib/bulk/requests";
import { BULK_LIMIT, bulkRequestSchema, selectedIds, volunteerMessageSchema } from "@/lib/bulk/schemas";
import { createRequest, publishRequest, changeStatus } from "@/lib/requests/mutations";
import { messageVolunteers } from "@/lib/bulk/volunteers";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

async function town() {
  const t = await createTown();
  const coordinator = await createUser("coord");
  return { ...t, coordinator, ctx: { id: t.tenant.id, slug: t.tenant.slug, name: t.tenant.name, defaultLocale: "nl" as const, timeZone: t.tenant.timeZone } };
}
type Town = Awaited<ReturnType<typeof town>>;

const newRequests = async (t: Town, n: number) =>
  Promise.all(Array.from({ length: n }, () => createRequest(t.ctx, requestInput(t.categories[0].id), { source: "ONLINE", locale: "nl" }).then((r) => r.id)));
const statusOf = async (t: Town, ids: string[]) =>
  new Map((await systemDb.helpRequest.findMany({ where: { tenantId: t.tenant.id, id: { in: ids } }, select: { id: true, status: true } })).map((r) => [r.id, r.status]));
const audits = (t: Town, action: string) => systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action } });
const opts = (op: "publish" | "done" | "cancel" | "urgency" | "assign", urgency?: "HIGH") => ({ op, urgency, locale: "nl" as const, suggestSummary: (r: { category: string; place: string }) => `${r.category} in ${r.place}` });

describe("bulk actions on requests", () => {
  it("publishes exactly the town's selected new requests, each audited once; other towns' ids and unknown ids are reported, never touched", async () => {
    const [a, b] = await Promise.all([town(), town()]);
    const [mine, theirs] = await Promise.all([newRequests(a, 8), newRequests(b, 4)]);
    await fc.assert(
      fc.asyncProperty(fc.subarray(mine), fc.subarray(theirs), fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), async (picked, foreign, junk) => {
        const before = await statusOf(a, mine);
        const ids = fc.sample(fc.shuffledSubarray([...picked, ...foreign, ...junk], { minLength: picked.length + foreign.length + junk.length }), 1)[0];
        const published = (await audits(a, "request.publish")).length;
        const results = await bulkRequests(a.ctx, a.coordinator.id, [...new Set(ids)], opts("publish"));
        const after = await statusOf(a, mine);
        for (const id of mine) expect(after.get(id)).toBe(picked.includes(id) ? "OPEN" : before.get(id));
        const fresh = picked.filter((id) => before.get(id) === "NEW");
        expect((await audits(a, "request.publish")).length - published).toBe(fresh.length);
        for (const r of results) {
          if (foreign.includes(r.id) || junk.includes(r.id)) expect(r).toMatchObject({ ok: false, reason: "notFound" });
          else if (!fresh.includes(r.id)) expect(r).toMatchObject({ ok: false, reason: "alreadyPublished" });
          else expect(r.ok).toBe(true);
        }
        expect([...(await statusOf(b, theirs)).values()].every((s) => s === "NEW")).toBe(true);
      }),
      { numRuns: 6, seed: 19 },
    );
    // Published with a summary made of category and place, as the single-item form suggests.
    const row = await systemDb.helpRequest.findFirstOrThrow({ where: { tenantId: a.tenant.id, status: "OPEN" } });
    expect(row.publicSummary).toBe(`${a.categories[0].key}-nl-${a.tenant.slug} in Centrum`);
  });

  it("skips invalid transitions with their reason and closes the rest", async () => {
    const t = await town();
    const [fresh, open, cancelled] = await newRequests(t, 3);
    await publishRequest(t.ctx, t.coordinator.id, open, "Groceries for an older resident");
    await changeStatus(t.ctx, t.coordinator.id, cancelled, "CANCELLED");
    const done = await bulkRequests(t.ctx, t.coordinator.id, [fresh, open, cancelled], opts("done"));
    expect(done.map((r) => r.reason ?? "ok")).toEqual(["transitionNotAllowed", "transitionNotAllowed", "transitionNotAllowed"]);
    const cancel = await bulkRequests(t.ctx, t.coordinator.id, [fresh, open, cancelled], opts("cancel"));
    expect(cancel.map((r) => r.reason ?? "ok")).toEqual(["ok", "ok", "transitionNotAllowed"]);
    expect((await audits(t, "request.status")).length).toBe(3); // the one cancelled before, and these two
    const urgency = await bulkRequests(t.ctx, t.coordinator.id, [fresh], opts("urgency", "HIGH"));
    expect(urgency[0]).toMatchObject({ ok: false, reason: "requestClosed" });
  });

  it("sets the urgency of open requests, one audit entry each", async () => {
    const t = await town();
    const ids = await newRequests(t, 3);
    const results = await bulkRequests(t.ctx, t.coordinator.id, ids, opts("urgency", "HIGH"));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await systemDb.helpRequest.findMany({ where: { tenantId: t.tenant.id }, select: { urgency: true } });
    expect(rows.every((r) => r.urgency === "HIGH")).toBe(true);
    expect((await audits(t, "request.triage")).length).toBe(3);
  });

  it("assigns the top-ranked volunteer to each, never one volunteer twice in a run, and says why the others were skipped", async () => {
    const t = await town();
    const vol = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const [first, second, unpublished, matched] = await newRequests(t, 4);
    for (const id of [first, second, matched]) await publishRequest(t.ctx, t.coordinator.id, id, "Groceries for an older resident");
    const other = await createVolunteer(t.tenant.id, [t.categories[0].id], { name: "Otto Other" });
    const { assignVolunteers } = await import("@/lib/matching/assign");
    await assignVolunteers(t.ctx, t.coordinator.id, matched, [other.profile.id]);
    await systemDb.volunteerProfile.updateMany({ where: { tenantId: t.tenant.id, id: other.profile.id }, data: { status: "PAUSED" } });
    const results = await bulkRequests(t.ctx, t.coordinator.id, [first, second, unpublished, matched], opts("assign"));
    expect(results[0]).toMatchObject({ ok: true, detail: { key: "assigned", name: vol.profile.name } });
    expect(results.slice(1).map((r) => r.reason)).toEqual(["noCandidate", "notPublished", "alreadyMatched"]);
    expect((await statusOf(t, [first, second])).get(first)).toBe("MATCHED");
    expect(await systemDb.assignment.count({ where: { tenantId: t.tenant.id, requestId: first, volunteerId: vol.profile.id } })).toBe(1);
    expect((await audits(t, "request.assign")).filter((e) => e.subjectId === first)).toHaveLength(1);
  });
});

describe("the selection a bulk form sends", () => {
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };

  it("is capped, deduplicated and cleaned, with a translated key for too many", () => {
    const ids = Array.from({ length: BULK_LIMIT + 1 }, (_, i) => `id${i}`);
    const tooMany = bulkRequestSchema.safeParse({ op: "publish", ids, confirmed: false });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0].message).toBe("tooManySelected");
    const exact = bulkRequestSchema.parse({ op: "publish", ids: [...ids.slice(0, BULK_LIMIT), "id0", "id1"], confirmed: false });
    expect(exact.ids).toHaveLength(BULK_LIMIT);
    expect(bulkRequestSchema.parse({ op: "cancel", ids: ["a\u0000b"], confirmed: true }).ids).toEqual(["ab"]);
    expect(bulkRequestSchema.safeParse({ op: "urgency", ids: ["a"], confirmed: false }).error?.issues[0]).toMatchObject({ path: ["urgency"], message: "required" });
    expect(volunteerMessageSchema.safeParse({ subject: "Hi", body: "Text", ids: [], confirmed: false }).error?.issues[0].message).toBe("chooseOne");
  });

  it("takes the ticked boxes, the page with 'all on this page', and once confirmed only what the review showed", () => {
    expect(selectedIds(form([["ids", "a"], ["pageIds", "b"]]))).toEqual({ ids: ["a"], confirmed: false });
    expect(selectedIds(form([["ids", "a"], ["pageIds", "b"], ["allOnPage", "on"]]))).toEqual({ ids: ["a", "b"], confirmed: false });
    expect(selectedIds(form([["ids", "c"], ["confirmedIds", "a"], ["confirmed", "yes"]]))).toEqual({ ids: ["a"], confirmed: true });
  });
});

describe("a message to selected volunteers", () => {
  it("goes through notify() to the town's active volunteers within the daily cap, each audited; others are skipped with why", async () => {
    const [a, b] = await Promise.all([town(), town()]);
    await systemDb.tenant.update({ where: { id: a.tenant.id }, data: { emailsPerDay: 1, timeZone: "UTC" } });
    const [active, capped, blocked] = await Promise.all([0, 1, 2].map(() => createVolunteer(a.tenant.id, [a.categories[0].id])));
    const foreign = await createVolunteer(b.tenant.id, [b.categories[0].id]);
    await systemDb.volunteerProfile.updateMany({ where: { tenantId: a.tenant.id, id: blocked.profile.id }, data: { status: "BLOCKED" } });
    const noon = new Date("2026-12-01T12:00:00Z");
    // The capped volunteer already had today's one notification.
    await messageVolunteers(a.ctx, a.coordinator.id, [capped.profile.id], { subject: "Earlier", body: "An earlier message" }, noon);
    const results = await messageVolunteers(a.ctx, a.coordinator.id, [active.profile.id, capped.profile.id, blocked.profile.id, foreign.profile.id], { subject: "Sandbags", body: "Tomorrow at nine.\n\nThank you!" }, noon);
    expect(results.map((r) => r.reason ?? r.detail?.key)).toEqual(["sent", "notifyCAPPED", "volunteerNotActive", "notFound"]);
    const outbox = await systemDb.outboxEmail.findMany({ where: { tenantId: a.tenant.id, template: "staff-message" }, orderBy: { createdAt: "asc" } });
    // Over the cap it is held for the volunteer's next digest, not sent now.
    const sorted = (rows: string[][]) => rows.map((r) => r.join(" ")).sort();
    expect(sorted(outbox.map((o) => [o.to, o.status]))).toEqual(sorted([[capped.user.email, "PENDING"], [active.user.email, "PENDING"], [capped.user.email, "HELD"]]));
    expect(await systemDb.outboxEmail.count({ where: { tenantId: b.tenant.id } })).toBe(0);
    const entries = await audits(a, "volunteer.message");
    expect(entries.map((e) => e.subjectId).sort()).toEqual([active.profile.id, capped.profile.id, capped.profile.id].sort());
  });
});

describe("the phone desk's list for today", () => {
  it("holds the calls due by the end of the town's day, new requests and urgent open ones without a volunteer, of this town only", async () => {
    const { todayList } = await import("@/lib/requests/today");
    const [a, b] = await Promise.all([town(), town()]);
    await systemDb.tenant.update({ where: { id: a.tenant.id }, data: { timeZone: "UTC" } });
    const [fresh, urgent, calm, later] = await newRequests(a, 4);
    await Promise.all([urgent, calm].map((id) => publishRequest(a.ctx, a.coordinator.id, id, "Groceries for an older resident")));
    await systemDb.helpRequest.updateMany({ where: { tenantId: a.tenant.id, id: urgent }, data: { urgency: "HIGH" } });
    await newRequests(b, 2);
    const now = new Date("2026-12-01T10:00:00Z");
    // The phone form's callback, due today, and another due tomorrow (not today's list).
    await systemDb.callback.createMany({ data: [
      { tenantId: a.tenant.id, requestId: fresh, reason: "NEW_REQUEST", dueAt: new Date("2026-12-01T16:00:00Z") },
      { tenantId: a.tenant.id, requestId: later, reason: "NEW_REQUEST", dueAt: new Date("2026-12-02T09:00:00Z") },
    ] });
    const list = await todayList({ ...a.ctx, timeZone: "UTC" }, "nl", now);
    expect(list.callbacks.rows.map((c) => c.request.id)).toEqual([fresh]);
    expect(list.fresh.rows.map((r) => r.id).sort()).toEqual([fresh, later].sort());
    expect(list.urgent.rows.map((r) => r.id)).toEqual([urgent]);
  }, 60_000);
});
