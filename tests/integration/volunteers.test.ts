import { describe, expect, it } from "vitest";
import { assignVolunteers, completeAssignment } from "@/lib/matching/assign";
import { rankCandidates } from "@/lib/matching/candidates";
import { DIGEST_REACH, sendVolunteerDigests } from "@/lib/matching/digest";
import { respondToRequest, withdrawResponse } from "@/lib/matching/respond";
import { applyToVacancy, closeVacancy, postVacancy, saveOrganisation, vacanciesForVolunteer, ownVacancies } from "@/lib/organisations/vacancies";
import { listApplicants } from "@/lib/organisations/applicants";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { createRequest, publishRequest } from "@/lib/requests/mutations";
import { councilFigures } from "@/lib/stats/council-figures";
import { coordinatorDashboard } from "@/lib/stats/dashboard";
import { myResponses, requestsForVolunteer } from "@/lib/volunteers/feed";
import { setBlocked } from "@/lib/matching/block";
import { listVolunteers, volunteerListSchema } from "@/lib/volunteers/admin";
import type { VolunteerProfileInput } from "@/lib/volunteers/schemas";
import { deleteVolunteerProfile, exportVolunteerData, getOwnProfile, saveVolunteerProfile, setPaused } from "@/lib/volunteers/profile";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";
import { systemDb } from "@/lib/tenancy/system";

const AREAS = [
  { name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 },
  { name: "Heverlee", postcode: "3001", latitude: 50.8617, longitude: 4.6942 },
  { name: "Far away", postcode: "3200", latitude: 50.98, longitude: 4.83 },
];

async function town(responseCap = 5) {
  const t = await createTown({ responseCap });
  await systemDb.area.createMany({ data: AREAS.map((a) => ({ tenantId: t.tenant.id, ...a })) });
  const coordinator = await createUser("coord");
  return { ...t, ctx: { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, responseCap }, coordinator };
}

async function openRequest(t: Awaited<ReturnType<typeof town>>, overrides: Record<string, unknown> = {}) {
  const { id } = await createRequest(t.ctx, requestInput(t.categories[0].id, { email: "resident@example.be", ...overrides }), { source: "ONLINE", locale: "nl" });
  await publishRequest(t.ctx, t.coordinator.id, id, "Groceries for an older resident");
  return id;
}

describe("volunteer profiles", () => {
  it("registers a volunteer per town; one e-mail, separate profiles", async () => {
    const a = await town();
    const b = await town();
    const user = await createUser("both");
    const input: Omit<VolunteerProfileInput, "categoryIds"> = { name: "Jan", phone: "+32470000001", postcode: "3001", maxDistanceKm: 3, languages: ["nl"], availability: [], skills: ["car"], codeOfConduct: "on" };
    await saveVolunteerProfile(a.ctx, user.id, { ...input, categoryIds: [a.categories[0].id] });
    await saveVolunteerProfile(b.ctx, user.id, { ...input, name: "Jan in B", categoryIds: [] });
    const inA = await getOwnProfile(a.ctx, user.id);
    expect(inA).toMatchObject({ name: "Jan", latitude: 50.8617, categoryIds: [a.categories[0].id] });
    expect((await getOwnProfile(b.ctx, user.id))?.name).toBe("Jan in B");
    expect(await systemDb.membership.count({ where: { userId: user.id, role: "VOLUNTEER" } })).toBe(2);
    await expect(saveVolunteerProfile(a.ctx, user.id, { ...input, categoryIds: [b.categories[0].id] })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("pauses, exports and deletes only in this town", async () => {
    const a = await town();
    const b = await town();
    const { user } = await createVolunteer(a.tenant.id, [a.categories[0].id]);
    await saveVolunteerProfile(b.ctx, user.id, { name: "X", phone: "+32470000002", postcode: "3000", maxDistanceKm: 3, categoryIds: [], languages: ["nl"], availability: [], skills: [], codeOfConduct: "on" });
    const requestId = await openRequest(a);
    await setPaused(a.ctx, user.id, true);
    await expect(respondToRequest(a.ctx, user.id, requestId)).rejects.toMatchObject({ key: "volunteerNotActive" });
    await setPaused(a.ctx, user.id, false);
    await respondToRequest(a.ctx, user.id, requestId, "Happy to help");
    const exported = await exportVolunteerData(a.ctx, user.id);
    expect(exported.profile.responses).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain(b.tenant.id);
    await deleteVolunteerProfile(a.ctx, user.id);
    expect(await getOwnProfile(a.ctx, user.id)).toBeNull();
    expect(await systemDb.response.count({ where: { requestId } })).toBe(0);
    expect(await getOwnProfile(b.ctx, user.id)).not.toBeNull();
  });

  it("a blocked volunteer cannot unpause or respond", async () => {
    const a = await town();
    const { user, profile } = await createVolunteer(a.tenant.id, [a.categories[0].id]);
    await systemDb.volunteerProfile.update({ where: { tenantId_id: { tenantId: a.tenant.id, id: profile.id } }, data: { status: "BLOCKED" } });
    await expect(setPaused(a.ctx, user.id, false)).rejects.toMatchObject({ key: "volunteerBlocked" });
    await expect(respondToRequest(a.ctx, user.id, await openRequest(a))).rejects.toMatchObject({ key: "volunteerNotActive" });
  });
});

describe("responses and over-supply", () => {
  it("accepts offers up to the cap, then the request leaves the list", async () => {
    const t = await town(2);
    const requestId = await openRequest(t);
    const vols = await Promise.all([1, 2, 3].map(() => createVolunteer(t.tenant.id, [t.categories[0].id])));
    await respondToRequest(t.ctx, vols[0].user.id, requestId);
    await expect(respondToRequest(t.ctx, vols[0].user.id, requestId)).rejects.toMatchObject({ key: "alreadyResponded" });
    await respondToRequest(t.ctx, vols[1].user.id, requestId);
    await expect(respondToRequest(t.ctx, vols[2].user.id, requestId)).rejects.toMatchObject({ key: "requestFull" });
    expect((await requestsForVolunteer(t.ctx, vols[2].profile, "nl")).map((r) => r.id)).not.toContain(requestId);
    expect((await requestsForVolunteer(t.ctx, vols[0].profile, "nl")).find((r) => r.id === requestId)?.responded).toBe(true);
    await withdrawResponse(t.ctx, vols[1].user.id, requestId);
    await respondToRequest(t.ctx, vols[2].user.id, requestId);
  });

  it("lets exactly one of many volunteers take the last place at once", async () => {
    const t = await town(1);
    const requestId = await openRequest(t);
    const vols = await Promise.all(Array.from({ length: 6 }, () => createVolunteer(t.tenant.id, [t.categories[0].id])));
    const results = await Promise.allSettled(vols.map((v) => respondToRequest(t.ctx, v.user.id, requestId)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ key: "requestFull" });
    expect(await systemDb.response.count({ where: { requestId } })).toBe(1);
  });

  it("refuses offers on closed requests and from volunteers of another town", async () => {
    const a = await town();
    const b = await town();
    const requestId = await openRequest(a);
    const foreign = await createVolunteer(b.tenant.id, [b.categories[0].id]);
    await expect(respondToRequest(a.ctx, foreign.user.id, requestId)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(respondToRequest(b.ctx, foreign.user.id, requestId)).rejects.toBeInstanceOf(NotFoundInTenant);
    const unpublished = (await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" })).id;
    const local = await createVolunteer(a.tenant.id, [a.categories[0].id]);
    await expect(respondToRequest(a.ctx, local.user.id, unpublished)).rejects.toMatchObject({ key: "requestClosed" });
  });

  it("shows volunteers only fitting, nearby requests", async () => {
    const t = await town();
    const near = await openRequest(t, { postcode: "3001" });
    const far = await openRequest(t, { postcode: "3200" });
    const otherCategory = await createRequest(t.ctx, requestInput(t.categories[1].id), { source: "ONLINE", locale: "nl" });
    await publishRequest(t.ctx, t.coordinator.id, otherCategory.id, "Pharmacy run for a resident");
    const { profile } = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3000", maxDistanceKm: 5 });
    const ids = (await requestsForVolunteer(t.ctx, profile, "nl")).map((r) => r.id);
    expect(ids).toContain(near);
    expect(ids).not.toContain(far);
    expect(ids).not.toContain(otherCategory.id);
  });

  it("lists the nearest requests first, including those without coordinates, and full ones only to who offered", async () => {
    const t = await town(1);
    const heverlee = await openRequest(t, { postcode: "3001" });
    const centrum = await openRequest(t, { postcode: "3000" });
    const nowhere = await openRequest(t, { postcode: "9999" }); // no area: no coordinates
    const { user, profile } = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3000", maxDistanceKm: 5 });
    expect((await requestsForVolunteer(t.ctx, profile, "nl")).map((r) => r.id)).toEqual([centrum, heverlee, nowhere]);
    await respondToRequest(t.ctx, user.id, centrum); // the cap of 1 is reached
    const other = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3000", maxDistanceKm: 5 });
    expect((await requestsForVolunteer(t.ctx, other.profile, "nl")).map((r) => r.id)).toEqual([heverlee, nowhere]);
    expect((await requestsForVolunteer(t.ctx, profile, "nl")).map((r) => [r.id, r.responded])).toEqual([[centrum, true], [heverlee, false], [nowhere, false]]);
  });
});

describe("matching", () => {
  it("ranks responders first, then nearby fitting volunteers, and explains the score", async () => {
    const t = await town();
    const requestId = await openRequest(t, { postcode: "3000", timeWindow: "Tuesday morning" });
    const responder = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3001" });
    const close = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3000" });
    const wrongCategory = await createVolunteer(t.tenant.id, [t.categories[1].id], { postcode: "3000" });
    const far = await createVolunteer(t.tenant.id, [t.categories[0].id], { postcode: "3200", maxDistanceKm: 3 });
    await respondToRequest(t.ctx, responder.user.id, requestId, "I live nearby");
    const ranked = await rankCandidates(t.ctx, requestId);
    expect(ranked.map((c) => c.id).slice(0, 2)).toEqual([responder.profile.id, close.profile.id]);
    expect(ranked.map((c) => c.id)).not.toContain(wrongCategory.profile.id);
    expect(ranked.find((c) => c.id === far.profile.id)?.score.distance).toBe(0);
    expect(ranked[1].score).toMatchObject({ distance: 35, fit: 20, language: 15, availability: 10, fairness: 15 });
    expect(ranked[0]).toMatchObject({ responseStatus: "PENDING", responseMessage: "I live nearby" });
  });

  it("assigns, shows contact details only to the chosen volunteer, releases the others and queues the mails", async () => {
    const t = await town();
    const requestId = await openRequest(t);
    const chosen = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const other = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    await respondToRequest(t.ctx, chosen.user.id, requestId);
    await respondToRequest(t.ctx, other.user.id, requestId);
    expect((await myResponses(t.ctx, chosen.profile, "nl"))[0].contact).toBeNull();

    await assignVolunteers(t.ctx, t.coordinator.id, requestId, [chosen.profile.id]);
    const mine = (await myResponses(t.ctx, chosen.profile, "nl"))[0];
    expect(mine).toMatchObject({ status: "ASSIGNED", contact: { name: "Maria Peeters", phone: "+32470123456" } });
    expect((await myResponses(t.ctx, other.profile, "nl"))[0]).toMatchObject({ status: "RELEASED", contact: null });
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { id: requestId } })).status).toBe("MATCHED");
    const mails = await systemDb.outboxEmail.findMany({ where: { tenantId: t.tenant.id } });
    expect(mails.find((m) => m.to === chosen.user.email)).toMatchObject({ template: "volunteer-assigned", kind: "TRANSACTIONAL" });
    expect(mails.find((m) => m.to === other.user.email)).toMatchObject({ template: "volunteer-released", kind: "NOTIFICATION" });
    expect(mails.find((m) => m.template === "request-matched")).toMatchObject({ to: "resident@example.be", data: { volunteerName: "Vera" } });

    await completeAssignment(t.ctx, chosen.user.id, requestId, { volunteerUserId: chosen.user.id }, { feedback: "All fine", problem: false });
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { id: requestId } })).status).toBe("DONE");
    await expect(completeAssignment(t.ctx, other.user.id, requestId, { volunteerUserId: other.user.id }, { problem: false })).rejects.toBeInstanceOf(NotFoundInTenant);
  });

  it("lets exactly one of two coordinators assigning at once win", async () => {
    const t = await town();
    const requestId = await openRequest(t);
    const v1 = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const v2 = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    const results = await Promise.allSettled([
      assignVolunteers(t.ctx, t.coordinator.id, requestId, [v1.profile.id]),
      assignVolunteers(t.ctx, t.coordinator.id, requestId, [v2.profile.id]),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ key: "alreadyMatched" });
    expect(await systemDb.assignment.count({ where: { requestId } })).toBe(1);
  });

  it("cannot assign another town's volunteer or rank another town's request", async () => {
    const a = await town();
    const b = await town();
    const requestId = await openRequest(a);
    const foreign = await createVolunteer(b.tenant.id, [b.categories[0].id]);
    await expect(assignVolunteers(a.ctx, a.coordinator.id, requestId, [foreign.profile.id])).rejects.toBeInstanceOf(InvalidInput);
    await expect(rankCandidates(b.ctx, requestId)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(assignVolunteers(b.ctx, b.coordinator.id, requestId, [foreign.profile.id])).rejects.toBeInstanceOf(NotFoundInTenant);
    expect((await systemDb.helpRequest.findFirstOrThrow({ where: { id: requestId } })).status).toBe("OPEN");
    expect((await rankCandidates(a.ctx, requestId)).map((c) => c.id)).not.toContain(foreign.profile.id);
  });
});

describe("partner organisations", () => {
  it("posts vacancies that volunteers with matching skills see and apply to", async () => {
    const t = await town();
    const orgUser = await createUser("org");
    await systemDb.membership.create({ data: { tenantId: t.tenant.id, userId: orgUser.id, role: "ORGANISATION" } });
    await saveOrganisation(t.ctx, orgUser.id, { name: "Woonzorgcentrum", description: "" });
    const vacancy = await postVacancy(t.ctx, orgUser.id, { title: "Nursing students", description: "Help with meals in the care home", places: 3, skills: ["nursing-student"] });
    const student = await createVolunteer(t.tenant.id, [], { skills: ["nursing-student"] });
    const driver = await createVolunteer(t.tenant.id, [], { skills: ["car"] });
    expect((await vacanciesForVolunteer(t.ctx, student.profile)).map((v) => v.id)).toEqual([vacancy.id]);
    expect(await vacanciesForVolunteer(t.ctx, driver.profile)).toEqual([]);
    await applyToVacancy(t.ctx, student.user.id, vacancy.id, "Third-year student");
    await expect(applyToVacancy(t.ctx, student.user.id, vacancy.id)).rejects.toMatchObject({ key: "alreadyResponded" });
    const [mine] = await ownVacancies(t.ctx, orgUser.id);
    expect(mine._count.applications).toBe(1);
    expect((await listApplicants(t.ctx, orgUser.id, { sort: "applied", dir: "desc" }))?.rows.map((a) => [a.name, a.message])).toEqual([["Vera Vrijwilliger", "Third-year student"]]);
    const stranger = await createUser("x");
    await expect(closeVacancy(t.ctx, stranger.id, vacancy.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    await closeVacancy(t.ctx, orgUser.id, vacancy.id);
    await expect(applyToVacancy(t.ctx, driver.user.id, vacancy.id)).rejects.toBeInstanceOf(InvalidTransition);
  });
});

describe("coordinator dashboard", () => {
  it("counts requests, speed and volunteer activity for this town only", async () => {
    const t = await town();
    const other = await town();
    await openRequest(other);
    const requestId = await openRequest(t);
    await createRequest(t.ctx, requestInput(t.categories[1].id, { neighbourhood: "Heverlee" }), { source: "ONLINE", locale: "nl" });
    const active = await createVolunteer(t.tenant.id, [t.categories[0].id]);
    await createVolunteer(t.tenant.id, [t.categories[0].id]);
    await respondToRequest(t.ctx, active.user.id, requestId);
    await assignVolunteers(t.ctx, t.coordinator.id, requestId, [active.profile.id]);
    const d = await coordinatorDashboard(t.ctx, "nl");
    expect(d.byStatus).toEqual({ MATCHED: 1, NEW: 1 });
    expect(d.byCategory.reduce((n, c) => n + c.count, 0)).toBe(2);
    const { trends } = await councilFigures({ ...t.ctx, timeZone: "Europe/Brussels" }, { period: "7d" }, "nl");
    expect(trends.totals.toFirstOffer).not.toBeNull();
    expect(trends.totals.toMatch).not.toBeNull();
    expect(d.unmatchedByNeighbourhood).toEqual([{ neighbourhood: "Heverlee", count: 1 }]);
    expect(d.volunteers).toEqual({ active: 1, idle: 1, paused: 0 });
  });
});

describe("volunteer digests", () => {
  it("announces a new request to its best-ranked volunteers only, one mail per volunteer", async () => {
    const t = await town();
    await openRequest(t);
    await openRequest(t, { timeWindow: "Friday" });
    const vols = [];
    for (let i = 0; i < DIGEST_REACH + 5; i++) vols.push(await createVolunteer(t.tenant.id, [t.categories[0].id], { languages: ["fr"] }));
    const sent = await sendVolunteerDigests({ ...t.ctx, defaultLocale: "nl" });
    expect(sent).toBe(DIGEST_REACH);
    const mails = await systemDb.outboxEmail.findMany({ where: { tenantId: t.tenant.id, template: "volunteer-digest" } });
    expect(mails).toHaveLength(DIGEST_REACH);
    expect(new Set(mails.map((m) => m.to)).size).toBe(DIGEST_REACH);
    expect((mails[0].data as { items: string[] }).items).toHaveLength(2);
    expect(mails[0]).toMatchObject({ kind: "NOTIFICATION", locale: "fr" });
    expect(await sendVolunteerDigests({ ...t.ctx, defaultLocale: "nl" }, new Date(Date.now() + 2 * 86_400_000))).toBe(0);
  });
});

describe("volunteer administration", () => {
  it("coordinators block and unblock volunteers of their own town only, with an audit entry", async () => {
    const a = await town();
    const b = await town();
    const mine = await createVolunteer(a.tenant.id, [a.categories[0].id]);
    const theirs = await createVolunteer(b.tenant.id, [b.categories[0].id]);
    await setBlocked(a.ctx, a.coordinator.id, mine.profile.id, true);
    expect((await getOwnProfile(a.ctx, mine.user.id))?.status).toBe("BLOCKED");
    await expect(respondToRequest(a.ctx, mine.user.id, await openRequest(a))).rejects.toMatchObject({ key: "volunteerNotActive" });
    await expect(setBlocked(a.ctx, a.coordinator.id, theirs.profile.id, true)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect((await getOwnProfile(b.ctx, theirs.user.id))?.status).toBe("ACTIVE");
    await setBlocked(a.ctx, a.coordinator.id, mine.profile.id, false);
    expect((await listVolunteers(a.ctx, volunteerListSchema.parse({ q: "vera" }))).rows.map((v) => v.status)).toEqual(["ACTIVE"]);
    expect(await systemDb.auditLog.count({ where: { tenantId: a.tenant.id, subjectId: mine.profile.id } })).toBe(2);
  });
});
