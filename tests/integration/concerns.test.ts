// Next.js's own server environment first (it exposes AsyncLocalStorage, which its request scope needs).
import "next/dist/server/node-environment-baseline";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/client";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { concernNoteAction, pauseVolunteerAction } from "@/lib/concerns/actions";
import { listConcerns, pauseNamedVolunteer, setConcernStatus, viewConcern } from "@/lib/concerns/handle";
import { concernLinkToken, requestOfConcernToken } from "@/lib/concerns/link-token";
import { raiseAsMember, raiseByLink, raiseByPhone } from "@/lib/concerns/raise";
import { purgeClosedConcerns } from "@/lib/concerns/retention";
import { DAY_MS } from "@/lib/dates/durations";
import { prisma } from "@/lib/db/client";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { emptyForm } from "@/lib/forms/state";
import { assignVolunteers } from "@/lib/matching/assign";
import { rankCandidates } from "@/lib/matching/candidates";
import { createRequest, publishRequest } from "@/lib/requests/mutations";
import { inviteMember } from "@/lib/settings/team";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { systemDb } from "@/lib/tenancy/system";
import { exportVolunteerData, setPaused } from "@/lib/volunteers/profile";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";
import { asServerAction } from "./helpers/request-scope";

const BODY = "The volunteer asked for my bank card and PIN code";

async function town() {
  const t = await createTown();
  await systemDb.area.create({ data: { tenantId: t.tenant.id, name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 } });
  const ctx = { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, responseCap: 5 };
  const coordinator = await createUser("coord");
  await systemDb.membership.create({ data: { tenantId: ctx.id, userId: coordinator.id, role: "COORDINATOR" } });
  const lead = await createUser("lead");
  for (const role of ["STAFF", "SAFEGUARDING"] as const) await systemDb.membership.create({ data: { tenantId: ctx.id, userId: lead.id, role } });
  const volunteer = await createVolunteer(ctx.id, [t.categories[0].id]);
  const { id: requestId } = await createRequest(ctx, requestInput(t.categories[0].id, { email: "resident@example.be" }), { source: "ONLINE", locale: "nl" });
  await publishRequest(ctx, coordinator.id, requestId, "Groceries for an older resident");
  await assignVolunteers(ctx, coordinator.id, requestId, [volunteer.profile.id]);
  return { ...t, ctx, coordinator, lead, volunteer, requestId };
}

/** The headers of `userId`'s browser on `slug`'s site, signed in. */
async function signedIn(slug: string, userId: string) {
  const token = sessionTokenFor(slug);
  await prisma.session.create({ data: { sessionToken: token, userId, expires: new Date(Date.now() + 3_600_000) } });
  return { host: `${slug}.localhost`, [TENANT_HEADER]: slug, cookie: `authjs.session-token=${token}` };
}

async function status(call: Promise<unknown>) {
  try {
    await call;
    return 200;
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return getAccessFallbackHTTPStatus(error);
    throw error;
  }
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("concerns", () => {
  it("reach the town's safeguarding leads only, by an e-mail without the concern's words; the audit names no text", async () => {
    const a = await town();
    const { id } = await raiseByPhone(a.ctx, a.coordinator.id, { about: "Volunteer Vera", body: BODY, contact: "Maria, 0470 12 34 56", volunteerId: a.volunteer.profile.id }, a.requestId);
    const mails = await systemDb.outboxEmail.findMany({ where: { tenantId: a.ctx.id, template: "concern-raised" } });
    expect(mails.map((m) => m.to)).toEqual([a.lead.email]);
    expect(JSON.stringify(mails)).not.toContain("bank card");
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: a.ctx.id, subjectId: id } });
    expect(audit.map((r) => r.action)).toEqual(["concern.raise"]);
    expect(JSON.stringify(audit)).not.toContain("bank card");
    const seen = await viewConcern(a.ctx, a.lead.id, id);
    expect(seen).toMatchObject({ body: BODY, status: "NEW", volunteer: { id: a.volunteer.profile.id } });
    expect(seen.deadline!.getTime()).toBeGreaterThan(Date.now());
  });

  it("are invisible to the volunteer they name, to ordinary staff and to other towns", async () => {
    const a = await town();
    const b = await town();
    const { id } = await raiseByPhone(a.ctx, a.coordinator.id, { about: "Volunteer Vera", body: BODY, contact: "", volunteerId: a.volunteer.profile.id }, a.requestId);
    // The lead's actions (and pages, behind the same role) refuse everyone else with a 404.
    const note = (headers: Record<string, string>) => asServerAction(headers, () => concernNoteAction(id, emptyForm, form({ body: "Called the resident" })));
    expect(await status(note(await signedIn(a.tenant.slug, a.volunteer.user.id)))).toBe(404);
    expect(await status(note(await signedIn(a.tenant.slug, a.coordinator.id)))).toBe(404);
    expect(await status(note(await signedIn(b.tenant.slug, b.lead.id)))).toBe(404);
    // Another town's lead on their own site: the concern does not exist there.
    await expect(viewConcern(b.ctx, b.lead.id, id)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await forTenant(b.ctx.id).concern.count()).toBe(0);
    // The volunteer's data export holds nothing of a concern about them.
    const exported = JSON.stringify(await exportVolunteerData(a.ctx, a.volunteer.user.id));
    expect(exported).not.toContain("bank card");
    expect(exported).not.toContain(id);
    // The lead's note goes through.
    expect(await status(note(await signedIn(a.tenant.slug, a.lead.id)))).toBe(200);
    expect(await systemDb.concernNote.count({ where: { tenantId: a.ctx.id, concernId: id } })).toBe(1);
  });

  it("let the lead pause the named volunteer at once: no more matching, and no resuming while the concern is open", async () => {
    const a = await town();
    const other = await createRequest(a.ctx, requestInput(a.categories[0].id), { source: "ONLINE", locale: "nl" });
    await publishRequest(a.ctx, a.coordinator.id, other.id, "Groceries for a neighbour");
    const ranked = async () => (await rankCandidates(a.ctx, other.id)).map((c) => c.id);
    expect(await ranked()).toContain(a.volunteer.profile.id);
    const { id } = await raiseByPhone(a.ctx, a.coordinator.id, { about: "Vera", body: BODY, contact: "", volunteerId: a.volunteer.profile.id }, a.requestId);
    expect(await status(asServerAction(await signedIn(a.tenant.slug, a.coordinator.id), () => pauseVolunteerAction(id, emptyForm, form({}))))).toBe(404);
    expect(await status(asServerAction(await signedIn(a.tenant.slug, a.lead.id), () => pauseVolunteerAction(id, emptyForm, form({}))))).toBe(200);
    expect((await systemDb.volunteerProfile.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.ctx.id, id: a.volunteer.profile.id } } })).status).toBe("PAUSED");
    expect(await ranked()).not.toContain(a.volunteer.profile.id);
    await expect(setPaused(a.ctx, a.volunteer.user.id, false)).rejects.toEqual(new InvalidTransition("pausedByTown"));
    expect((await systemDb.auditLog.findMany({ where: { tenantId: a.ctx.id, action: "concern.pause-volunteer" } })).map((r) => r.subjectId)).toEqual([a.volunteer.profile.id]);
    await setConcernStatus(a.ctx, a.lead.id, id, "CLOSED");
    await setPaused(a.ctx, a.volunteer.user.id, false);
    expect(await ranked()).toContain(a.volunteer.profile.id);
    await expect(pauseNamedVolunteer(a.ctx, a.lead.id, id)).rejects.toBeInstanceOf(InvalidTransition);
  });

  it("come from a resident's private link signed for their request in their town only", async () => {
    const a = await town();
    const b = await town();
    const token = concernLinkToken(a.ctx.id, a.requestId);
    expect(requestOfConcernToken(a.ctx.id, token)).toBe(a.requestId);
    expect(requestOfConcernToken(b.ctx.id, token)).toBeNull();
    expect(requestOfConcernToken(a.ctx.id, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    await expect(raiseByLink(b.ctx, token, { about: "x", body: BODY, contact: "", aboutVolunteer: true })).rejects.toBeInstanceOf(NotFoundInTenant);
    const { id } = await raiseByLink(a.ctx, token, { about: "The volunteer", body: BODY, contact: "", aboutVolunteer: true });
    expect(await systemDb.concern.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.ctx.id, id } } })).toMatchObject({ source: "RESIDENT_LINK", subjectVolunteerId: a.volunteer.profile.id, createdById: null });
    // The confirmation e-mail carries the link.
    const received = await systemDb.outboxEmail.findFirstOrThrow({ where: { tenantId: a.ctx.id, template: "request-received" } });
    expect(JSON.stringify(received.data)).toContain(`/concern/${token}`);
  });

  it("from a volunteer name only their own requests; their export holds their own words only", async () => {
    const a = await town();
    const stranger = await createVolunteer(a.ctx.id, [a.categories[0].id]);
    await expect(raiseAsMember(a.ctx, { userId: stranger.user.id, source: "VOLUNTEER" }, { about: "x", body: BODY, requestId: a.requestId })).rejects.toBeInstanceOf(InvalidInput);
    await raiseAsMember(a.ctx, { userId: a.volunteer.user.id, source: "VOLUNTEER" }, { about: "The resident's son", body: "He shouted at his mother while I was there", requestId: a.requestId });
    const exported = await exportVolunteerData(a.ctx, a.volunteer.user.id);
    expect(exported.concernsRaised).toEqual([expect.objectContaining({ about: "The resident's son" })]);
    expect(JSON.stringify(exported.concernsRaised)).not.toContain("status");
  });

  it("are deleted after the town's retention once closed; open ones are kept", async () => {
    const a = await town();
    const retention = { id: a.ctx.id, retentionDays: 30 };
    const open = await raiseByPhone(a.ctx, a.coordinator.id, { about: "open", body: BODY, contact: "" });
    const closed = await raiseByPhone(a.ctx, a.coordinator.id, { about: "closed", body: BODY, contact: "" });
    const now = new Date();
    await setConcernStatus(a.ctx, a.lead.id, closed.id, "CLOSED", now);
    await systemDb.concernNote.create({ data: { tenantId: a.ctx.id, concernId: closed.id, body: "Spoke to everyone" } });
    expect(await purgeClosedConcerns(retention, new Date(now.getTime() + 29 * DAY_MS))).toBe(0);
    expect(await purgeClosedConcerns(retention, new Date(now.getTime() + 31 * DAY_MS))).toBe(1);
    expect((await systemDb.concern.findMany({ where: { tenantId: a.ctx.id } })).map((c) => c.id)).toEqual([open.id]);
    expect(await systemDb.concernNote.count({ where: { tenantId: a.ctx.id } })).toBe(0);
  });

  it("have leads named by the admin among the town's staff only", async () => {
    const a = await town();
    const admin = { userId: a.coordinator.id, name: "Admin" };
    const outsider = await createUser("outsider");
    await expect(inviteMember(a.ctx, admin, { email: outsider.email, role: "SAFEGUARDING" })).rejects.toEqual(new InvalidInput({ email: "leadNotStaff" }));
    const staff = await createUser("staff");
    await systemDb.membership.create({ data: { tenantId: a.ctx.id, userId: staff.id, role: "STAFF" as Role } });
    await inviteMember(a.ctx, admin, { email: staff.email, role: "SAFEGUARDING" });
    expect(await systemDb.membership.count({ where: { tenantId: a.ctx.id, userId: staff.id, role: "SAFEGUARDING" } })).toBe(1);
  });
  it("never reach a lead they name (the admins hear when no other lead may read it); name only volunteers on the request; pause active volunteers only", async () => {
    const a = await town();
    // The only lead volunteers too, and the concern is about them: to them it does not exist; the admins are told.
    const leadAsVolunteer = await systemDb.membership.create({ data: { tenantId: a.ctx.id, userId: a.lead.id, role: "VOLUNTEER" } });
    await systemDb.volunteerProfile.create({ data: { tenantId: a.ctx.id, membershipId: leadAsVolunteer.id, userId: a.lead.id, name: "Lead Vol", phone: "+32470000001", postcode: "3000", codeOfConductAt: new Date() } });
    const leadProfile = await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: a.ctx.id, userId: a.lead.id } });
    await systemDb.response.create({ data: { tenantId: a.ctx.id, requestId: a.requestId, volunteerId: leadProfile.id } });
    const admin = await createUser("admin");
    await systemDb.membership.create({ data: { tenantId: a.ctx.id, userId: admin.id, role: "ADMIN" } });
    const aboutLead = await raiseByPhone(a.ctx, a.coordinator.id, { about: "The lead", body: BODY, contact: "", volunteerId: leadProfile.id }, a.requestId);
    const told = await systemDb.outboxEmail.findMany({ where: { tenantId: a.ctx.id, template: "concern-raised" } });
    expect(told.map((m) => m.to)).toEqual([admin.email]);
    const { open } = await listConcerns(a.ctx, a.lead.id);
    expect(open.map((c) => c.id)).not.toContain(aboutLead.id);
    await expect(viewConcern(a.ctx, a.lead.id, aboutLead.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(pauseNamedVolunteer(a.ctx, a.lead.id, aboutLead.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(setConcernStatus(a.ctx, a.lead.id, aboutLead.id, "CLOSED")).rejects.toBeInstanceOf(NotFoundInTenant);
    // A volunteer who neither offered on nor was sent to the request cannot be named for it.
    const stranger = await createVolunteer(a.ctx.id, [a.categories[0].id]);
    await expect(raiseByPhone(a.ctx, a.coordinator.id, { about: "x", body: BODY, contact: "", volunteerId: stranger.profile.id }, a.requestId)).rejects.toEqual(new InvalidInput({ volunteerId: "invalidChoice" }));
    // An invited volunteer is not paused (resuming would skip the code of conduct they have not accepted).
    const invited = await createVolunteer(a.ctx.id, [a.categories[0].id]);
    await systemDb.volunteerProfile.update({ where: { tenantId_id: { tenantId: a.ctx.id, id: invited.profile.id } }, data: { status: "INVITED", codeOfConductAt: null } });
    const aboutInvited = await raiseByPhone(a.ctx, a.coordinator.id, { about: "Invited", body: BODY, contact: "", volunteerId: invited.profile.id });
    await pauseNamedVolunteer(a.ctx, a.lead.id, aboutInvited.id);
    expect((await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: a.ctx.id, id: invited.profile.id } })).status).toBe("INVITED");
    // What staff took down for residents (the coordinator, three times above) is not in their own export as a volunteer.
    const coordinatorAsVolunteer = await systemDb.membership.create({ data: { tenantId: a.ctx.id, userId: a.coordinator.id, role: "VOLUNTEER" } });
    await systemDb.volunteerProfile.create({ data: { tenantId: a.ctx.id, membershipId: coordinatorAsVolunteer.id, userId: a.coordinator.id, name: "Coord Vol", phone: "+32470000002", postcode: "3000", codeOfConductAt: new Date() } });
    expect((await exportVolunteerData(a.ctx, a.coordinator.id)).concernsRaised).toEqual([]);
  });
});
