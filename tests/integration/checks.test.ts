import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertLinkView } from "@/lib/alerts/link";
import { sendDueWaves } from "@/lib/alerts/waves";
import { bulkRequests } from "@/lib/bulk/requests";
import { addMonths, confirmCheck, confirmTraining } from "@/lib/checks/confirm";
import { CHECK_KINDS, type CheckKind } from "@/lib/checks/kinds";
import { saveCheckTerms, setCategoryChecks, setVacancyChecks } from "@/lib/checks/policy";
import { latestChecks } from "@/lib/checks/status";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { assignVolunteers } from "@/lib/matching/assign";
import { rankCandidates } from "@/lib/matching/candidates";
import { respondToRequest } from "@/lib/matching/respond";
import { applyToVacancy, vacanciesForVolunteer } from "@/lib/organisations/vacancies";
import { createRequest, publishRequest } from "@/lib/requests/mutations";
import { publicRequestsPage } from "@/lib/requests/public-list";
import { systemDb } from "@/lib/tenancy/system";
import { requestsForVolunteer } from "@/lib/volunteers/feed";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

// Before the real clock, so waves other test files queue are never due at this time.
const NOON = new Date("2026-06-02T10:00:00Z");
const DAY = 86_400_000;

async function town() {
  const t = await createTown({ mode: "CRISIS", alertBatchCrisis: 10, responseCap: 10 });
  await systemDb.area.create({ data: { tenantId: t.tenant.id, name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 } });
  const admin = await createUser("admin");
  const ctx = { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, responseCap: 10 };
  // Babysitting: the first category needs a record extract.
  await setCategoryChecks(ctx, admin.id, t.categories[0].id, ["RECORD_EXTRACT"]);
  return { ...t, ctx, admin, gated: t.categories[0].id, open: t.categories[1].id };
}
type Town = Awaited<ReturnType<typeof town>>;

async function publish(t: Town, categoryId: string, now = new Date()) {
  const { id } = await createRequest(t.ctx, requestInput(categoryId), { source: "ONLINE", locale: "nl" });
  await publishRequest(t.ctx, t.admin.id, id, "Babysitting on Tuesday morning", now);
  return id;
}

const volunteer = (t: Town) => createVolunteer(t.tenant.id, [t.gated, t.open]);
const candidateIds = async (t: Town, requestId: string) => (await rankCandidates(t.ctx, requestId, 100)).map((c) => c.id).sort();
const refusal = (p: Promise<unknown>) => p.then(() => "done", (e: unknown) => (e instanceof InvalidTransition ? e.key : e instanceof NotFoundInTenant ? "notFound" : String(e)));

describe("proportionate checks", () => {
  it("an unchecked volunteer is not a candidate, cannot offer, is not alerted and cannot be assigned; once staff confirm the check they are", async () => {
    const t = await town();
    const checked = await volunteer(t);
    const unchecked = await volunteer(t);
    await confirmCheck(t.ctx, t.admin.id, checked.profile.id, "RECORD_EXTRACT", "model 2 seen, issued 2026-05-01");
    const gated = await publish(t, t.gated, NOON);
    const open = await publish(t, t.open);

    expect(await candidateIds(t, gated)).toEqual([checked.profile.id]);
    expect(await candidateIds(t, open)).toEqual([checked.profile.id, unchecked.profile.id].sort());

    expect(await refusal(respondToRequest(t.ctx, unchecked.user.id, gated))).toBe("checksMissing");
    expect(await refusal(assignVolunteers(t.ctx, t.admin.id, gated, [unchecked.profile.id]))).toBe("checksMissing");
    expect(await systemDb.assignment.count({ where: { tenantId: t.tenant.id, requestId: gated } })).toBe(0);

    // Alerts go through the same ranking: only the checked volunteer is alerted.
    await sendDueWaves(NOON, { tenantId: t.tenant.id });
    const alerted = await systemDb.alert.findMany({ where: { tenantId: t.tenant.id, requestId: gated }, select: { volunteerId: true } });
    expect(alerted.map((a) => a.volunteerId)).toEqual([checked.profile.id]);

    // Staff confirm the unchecked volunteer's extract: now they may be assigned.
    await confirmCheck(t.ctx, t.admin.id, unchecked.profile.id, "RECORD_EXTRACT", "");
    await assignVolunteers(t.ctx, t.admin.id, gated, [unchecked.profile.id]);
    expect(await systemDb.assignment.count({ where: { tenantId: t.tenant.id, requestId: gated, volunteerId: unchecked.profile.id } })).toBe(1);
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action: "checks.confirm" } });
    expect(audit.map((a) => a.subjectId).sort()).toEqual([checked.profile.id, unchecked.profile.id].sort());
    // The note stays on the check, never in the log.
    expect(JSON.stringify(audit)).not.toContain("model 2 seen");
  }, 60_000);

  it("the public list shows a gated request's category and place, never its summary", async () => {
    const t = await town();
    const gated = await publish(t, t.gated);
    const open = await publish(t, t.open);
    const { requests } = await publicRequestsPage(t.ctx, "nl", null);
    const summaries = Object.fromEntries(requests.map((r) => [r.id, r.publicSummary]));
    expect(summaries).toEqual({ [gated]: null, [open]: "Babysitting on Tuesday morning" });
  }, 60_000);

  it("the volunteer's list shows a gated request's checks, not its summary, until they hold them", async () => {
    const t = await town();
    const v = await volunteer(t);
    const gated = await publish(t, t.gated);
    const list = async () => (await requestsForVolunteer(t.ctx, v.profile, "nl")).find((r) => r.id === gated)!;
    expect(await list()).toMatchObject({ publicSummary: null, missingChecks: ["RECORD_EXTRACT"] });
    await confirmCheck(t.ctx, t.admin.id, v.profile.id, "RECORD_EXTRACT", "");
    expect(await list()).toMatchObject({ publicSummary: "Babysitting on Tuesday morning", missingChecks: [] });
  });

  it("the bulk assignment skips requests nobody checked may take", async () => {
    const t = await town();
    await volunteer(t);
    const gated = await publish(t, t.gated);
    const [result] = await bulkRequests(t.ctx, t.admin.id, [gated], { op: "assign", locale: "nl", suggestSummary: () => "x" });
    expect(result).toMatchObject({ ok: false, reason: "noCandidate" });
  });

  it("an expired check stops matching and tells when it ran out; the alert link then hides the summary", async () => {
    const t = await town();
    const v = await volunteer(t);
    await saveCheckTerms(t.ctx, t.admin.id, { kind: "RECORD_EXTRACT", validMonths: 12, name: "Model 2", text: "" });
    const confirmedAt = new Date(Date.now() - 400 * DAY);
    const check = await confirmCheck(t.ctx, t.admin.id, v.profile.id, "RECORD_EXTRACT", "", confirmedAt);
    expect(check.validUntil).toEqual(addMonths(confirmedAt, 12));
    const gated = await publish(t, t.gated);
    expect(await candidateIds(t, gated)).toEqual([]);
    expect(await refusal(assignVolunteers(t.ctx, t.admin.id, gated, [v.profile.id]))).toBe("checksMissing");
    expect(await latestChecks(t.ctx, v.profile.id, ["RECORD_EXTRACT"])).toEqual([
      { kind: "RECORD_EXTRACT", valid: false, validUntil: check.validUntil, confirmedAt },
    ]);

    // Alerted while the check held (a year ago), the link opened today.
    const { id: waveId } = await systemDb.alertWave.findFirstOrThrow({ where: { tenantId: t.tenant.id, requestId: gated } });
    const { newToken } = await import("@/lib/alerts/token");
    const { id, token } = newToken({ tenantId: t.tenant.id, requestId: gated, volunteerId: v.profile.id });
    await systemDb.alert.create({ data: { tenantId: t.tenant.id, id, waveId, requestId: gated, volunteerId: v.profile.id, alerted: true, deliveries: [], expiresAt: new Date(Date.now() + DAY) } });
    expect(await alertLinkView(t.ctx, token, "nl")).toMatchObject({ summary: "", missingChecks: ["RECORD_EXTRACT"] });
  });

  it("vacancies the town gates show no text and take no application without the checks", async () => {
    const t = await town();
    const v = await volunteer(t);
    const org = await systemDb.organisation.create({ data: { tenantId: t.tenant.id, name: "Kinderopvang", description: "" } });
    const vacancy = await systemDb.vacancy.create({ data: { tenantId: t.tenant.id, organisationId: org.id, title: "Reading to children", description: "Wednesdays at the crèche", skills: [] } });
    await setVacancyChecks(t.ctx, t.admin.id, vacancy.id, ["TRAINING"]);
    expect((await vacanciesForVolunteer(t.ctx, v.profile))[0]).toMatchObject({ description: "", missingChecks: ["TRAINING"] });
    expect(await refusal(applyToVacancy(t.ctx, v.user.id, vacancy.id))).toBe("checksMissing");

    // The training is confirmed by the volunteer, and only once the town wrote one.
    expect(await refusal(confirmTraining(t.ctx, v.user.id))).toBe("noTraining");
    await saveCheckTerms(t.ctx, t.admin.id, { kind: "TRAINING", validMonths: 24, name: "Safe with children", text: "Never alone with a child behind a closed door." });
    await confirmTraining(t.ctx, v.user.id);
    expect((await vacanciesForVolunteer(t.ctx, v.profile))[0]).toMatchObject({ description: "Wednesdays at the crèche", missingChecks: [] });
    await applyToVacancy(t.ctx, v.user.id, vacancy.id);
  });

  it("staff confirm only what they saw (not the training), and only for this town's volunteers and categories", async () => {
    const t = await town();
    const other = await town();
    const v = await volunteer(other);
    expect(await refusal(confirmCheck(t.ctx, t.admin.id, v.profile.id, "IDENTITY", ""))).toBe("notFound");
    expect(await refusal(confirmCheck(other.ctx, other.admin.id, v.profile.id, "TRAINING", ""))).toBe("checkSelfOnly");
    // Staff who volunteer too do not confirm their own checks.
    expect(await refusal(confirmCheck(other.ctx, v.user.id, v.profile.id, "IDENTITY", ""))).toBe("notYourOwn");
    expect(await refusal(setCategoryChecks(t.ctx, t.admin.id, other.gated, ["IDENTITY"]))).toBe("notFound");
    expect(await systemDb.category.findFirst({ where: { tenantId: other.tenant.id, id: other.gated }, select: { requiredChecks: true } })).toEqual({ requiredChecks: ["RECORD_EXTRACT"] });
  });

  it("generated: a volunteer is a candidate and may be assigned exactly when each required kind has a confirmation valid now", async () => {
    const t = await town();
    const kinds = fc.subarray([...CHECK_KINDS]);
    // Held confirmations: a kind and how many days from now it runs out (negative: expired).
    const held = fc.array(fc.record({ kind: fc.constantFrom(...CHECK_KINDS), days: fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0) }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(kinds, held, async (required, checks) => {
        await setCategoryChecks(t.ctx, t.admin.id, t.gated, required as CheckKind[]);
        const v = await createVolunteer(t.tenant.id, [t.gated]);
        const now = Date.now();
        for (const c of checks) {
          await systemDb.volunteerCheck.create({ data: { tenantId: t.tenant.id, volunteerId: v.profile.id, kind: c.kind, validUntil: new Date(now + c.days * DAY) } });
        }
        const expected = required.every((k) => checks.some((c) => c.kind === k && c.days > 0));
        const request = await publish(t, t.gated);
        expect((await rankCandidates(t.ctx, request, 500)).some((c) => c.id === v.profile.id)).toBe(expected);
        expect(await refusal(assignVolunteers(t.ctx, t.admin.id, request, [v.profile.id]))).toBe(expected ? "done" : "checksMissing");
        // Pause the volunteer so later runs rank only their own.
        await systemDb.volunteerProfile.update({ where: { tenantId_id: { tenantId: t.tenant.id, id: v.profile.id } }, data: { status: "PAUSED" } });
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
