// Next.js's own server environment first (it exposes AsyncLocalStorage, which its request scope needs).
import "next/dist/server/node-environment-baseline";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { describe, expect, it } from "vitest";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { prisma } from "@/lib/db/client";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { emptyForm } from "@/lib/forms/state";
import { decideHelpAction } from "@/lib/help-record/actions";
import { helpCertificatePdf } from "@/lib/help-record/download";
import { decideHelp, logHelp } from "@/lib/help-record/log";
import { confirmedHoursByCategory, myHelp } from "@/lib/help-record/queries";
import { assignVolunteers, completeAssignment } from "@/lib/matching/assign";
import { createRequest, publishRequest } from "@/lib/requests/mutations";
import { TENANT_HEADER } from "@/lib/tenancy/headers";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { asServerAction } from "./helpers/request-scope";

const today = () => new Date().toISOString().slice(0, 10);

async function town() {
  const t = await createTown();
  await systemDb.area.create({ data: { tenantId: t.tenant.id, name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 } });
  const ctx = { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, responseCap: 5 };
  const coordinator = await createUser("coord");
  await systemDb.membership.create({ data: { tenantId: ctx.id, userId: coordinator.id, role: "COORDINATOR" } });
  const volunteer = await createVolunteer(ctx.id, [t.categories[0].id]);
  const { id: requestId } = await createRequest(ctx, requestInput(t.categories[0].id), { source: "ONLINE", locale: "nl" });
  await publishRequest(ctx, coordinator.id, requestId, "Groceries for an older resident");
  await assignVolunteers(ctx, coordinator.id, requestId, [volunteer.profile.id]);
  const assignment = await systemDb.assignment.findFirstOrThrow({ where: { tenantId: ctx.id, requestId } });
  return { ...t, ctx, coordinator, volunteer, requestId, assignmentId: assignment.id };
}

async function signedIn(slug: string, tenantId: string, role: "COORDINATOR" | "STAFF" | null, user?: { id: string }) {
  user ??= await createUser("member");
  if (role) await systemDb.membership.create({ data: { tenantId, userId: user.id, role } });
  const token = sessionTokenFor(slug);
  await prisma.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
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

const decide = (logId: string, decision: string) => {
  const data = new FormData();
  data.append("decision", decision);
  return decideHelpAction(logId, emptyForm, data);
};

describe("volunteers' record of their help", () => {
  it("is logged by the volunteer once the request is done, and only on their own assignment", async () => {
    const a = await town();
    await expect(logHelp(a.ctx, a.volunteer.user.id, a.assignmentId, { hours: 2, visits: 1, day: today() })).rejects.toEqual(new InvalidTransition("helpNotDone"));
    await completeAssignment(a.ctx, a.volunteer.user.id, a.requestId, { volunteerUserId: a.volunteer.user.id }, { feedback: "", problem: false });
    const other = await createVolunteer(a.ctx.id, [a.categories[0].id]);
    await expect(logHelp(a.ctx, other.user.id, a.assignmentId, { hours: 2, visits: 1, day: today() })).rejects.toBeInstanceOf(NotFoundInTenant);
    await logHelp(a.ctx, a.volunteer.user.id, a.assignmentId, { hours: 1.5, visits: 2, day: today() });
    expect(await systemDb.helpLog.findFirstOrThrow({ where: { tenantId: a.ctx.id } })).toMatchObject({ minutes: 90, visits: 2, status: "PENDING", categoryId: a.categories[0].id });
  });

  it("is confirmed only by a coordinator of that town", async () => {
    const a = await town();
    const b = await town();
    await completeAssignment(a.ctx, a.volunteer.user.id, a.requestId, { volunteerUserId: a.volunteer.user.id }, { feedback: "", problem: false });
    await logHelp(a.ctx, a.volunteer.user.id, a.assignmentId, { hours: 2, visits: 1, day: today() });
    const log = await systemDb.helpLog.findFirstOrThrow({ where: { tenantId: a.ctx.id } });
    // The volunteer themselves, staff without the coordinator role, and another town's coordinator: 404.
    expect(await status(asServerAction(await signedIn(a.tenant.slug, a.ctx.id, null, a.volunteer.user), () => decide(log.id, "confirm")))).toBe(404);
    expect(await status(asServerAction(await signedIn(a.tenant.slug, a.ctx.id, "STAFF"), () => decide(log.id, "confirm")))).toBe(404);
    expect(await status(asServerAction(await signedIn(b.tenant.slug, b.ctx.id, "COORDINATOR"), () => decide(log.id, "confirm")))).toBe(404);
    await expect(decideHelp(b.ctx, b.coordinator.id, log.id, true)).rejects.toBeInstanceOf(NotFoundInTenant);
    // A volunteer who is also a coordinator of the town does not confirm their own hours.
    await systemDb.membership.create({ data: { tenantId: a.ctx.id, userId: a.volunteer.user.id, role: "COORDINATOR" } });
    await expect(decideHelp(a.ctx, a.volunteer.user.id, log.id, true)).rejects.toEqual(new InvalidTransition("notYourOwn"));
    expect((await systemDb.helpLog.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.ctx.id, id: log.id } } })).status).toBe("PENDING");
    expect(await status(asServerAction(await signedIn(a.tenant.slug, a.ctx.id, "COORDINATOR"), () => decide(log.id, "confirm")))).toBe(200);
    expect((await systemDb.helpLog.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.ctx.id, id: log.id } } })).status).toBe("CONFIRMED");
    await expect(logHelp(a.ctx, a.volunteer.user.id, a.assignmentId, { hours: 5, visits: 1, day: today() })).rejects.toEqual(new InvalidTransition("helpConfirmed"));
  });

  it("shows the volunteer their confirmed totals, counts on the dashboard's period and prints on the certificate", async () => {
    const a = await town();
    await completeAssignment(a.ctx, a.volunteer.user.id, a.requestId, { volunteerUserId: a.volunteer.user.id }, { feedback: "", problem: false });
    await logHelp(a.ctx, a.volunteer.user.id, a.assignmentId, { hours: 2.5, visits: 3, day: today() });
    const log = await systemDb.helpLog.findFirstOrThrow({ where: { tenantId: a.ctx.id } });
    expect((await myHelp(a.ctx, a.volunteer.user.id, "en")).totals).toEqual([]);
    expect(await confirmedHoursByCategory(a.ctx, today(), today(), "en")).toEqual([]);
    await decideHelp(a.ctx, a.coordinator.id, log.id, true);
    const label = `groceries-en-${a.tenant.slug}`;
    expect((await myHelp(a.ctx, a.volunteer.user.id, "en")).totals).toEqual([{ category: label, minutes: 150, visits: 3 }]);
    expect(await confirmedHoursByCategory(a.ctx, today(), today(), "en")).toEqual([{ category: label, minutes: 150 }]);
    expect(await confirmedHoursByCategory(a.ctx, "2020-01-01", "2020-01-31", "en")).toEqual([]);
    const site = { ...a.ctx, name: a.tenant.name, primaryColor: a.tenant.primaryColor, timeZone: a.tenant.timeZone };
    const text = pdfText(Buffer.from(await (await helpCertificatePdf(site, a.volunteer.user.id, "fr")).arrayBuffer()));
    expect(text).toContain("Attestation de bénévolat");
    expect(text).toContain("Vera Vrijwilliger");
    expect(text).toContain("2,5");
  });
});
