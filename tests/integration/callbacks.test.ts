import { describe, expect, it } from "vitest";
import { callbackList } from "@/lib/callbacks/list";
import { markCalledBack } from "@/lib/callbacks/mutations";
import { residentContact } from "@/lib/callbacks/reach";
import { InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { assignVolunteers } from "@/lib/matching/assign";
import { decide } from "@/lib/notifications/policy";
import { dispatchSms } from "@/lib/sms/dispatch";
import { changeStatus, createRequest, publishRequest } from "@/lib/requests/mutations";
import { onlineRequestSchema, phoneRequestSchema } from "@/lib/requests/schemas";
import { eraseResidentData, exportResidentData } from "@/lib/residents/data-rights";
import { townSettingsSchema } from "@/lib/settings/town";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, createVolunteer, requestInput } from "./helpers/factories";

const MOBILE = "0470 12 34 56";
const LANDLINE = "016 27 22 22";
const HOUR = 3_600_000;

/** The form as staff fill it in during a call (parsed by the real schema, so the checkbox is read as the browser sends it). */
const phoneForm = (categoryId: string, fields: Record<string, string>) =>
  phoneRequestSchema.parse({
    categoryId, description: "Groceries for this week, please", postcode: "3000", name: "Maria Peeters", contactMethod: "PHONE",
    whenKind: "ASAP", consentByPhone: "on", country: "BE", ...fields,
  });
const onlineForm = (categoryId: string, fields: Record<string, string>) =>
  onlineRequestSchema.parse({
    categoryId, description: "Groceries for this week, please", postcode: "3000", name: "Jan Janssens", contactMethod: "PHONE",
    whenKind: "ASAP", consent: "on", country: "BE", ...fields,
  });

async function town(overrides: Parameters<typeof createTown>[0] = {}) {
  const t = await createTown(overrides);
  const staff = await createUser("staff");
  return { ...t, staff, ctx: { id: t.tenant.id, slug: t.tenant.slug, name: t.tenant.name, defaultLocale: "nl" as const } };
}

const byPhone = async (t: Awaited<ReturnType<typeof town>>, fields: Record<string, string>) => {
  const { id } = await createRequest(t.ctx, phoneForm(t.categories[0].id, fields), { source: "PHONE", locale: "nl", staffId: t.staff.id });
  return systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenant.id, id } } });
};
const callbacksOf = (tenantId: string, requestId: string) => systemDb.callback.findMany({ where: { tenantId, requestId }, orderBy: { createdAt: "asc" } });

/** What the policy decides for a text answering the resident's own request (the SMS channel's decision in notify()). */
const smsDecision = (contact: ReturnType<typeof residentContact>) => {
  const now = new Date();
  return contact.phone ? decide({ channel: "SMS", kind: "TRANSACTIONAL", address: contact.phone, now, due: now, usedThatDay: 0, cap: 3 }) : "NO_NUMBER";
};

describe("residents kept informed without internet", () => {
  it("records consent to texts only when ticked, with when, and never without a number", async () => {
    const t = await town();
    const ticked = await byPhone(t, { phone: MOBILE, smsConsent: "on" });
    expect(ticked).toMatchObject({ residentPhone: "+32470123456", residentSmsConsent: true });
    expect(ticked.residentSmsConsentAt).toBeInstanceOf(Date);
    const unticked = await byPhone(t, { phone: MOBILE });
    expect(unticked).toMatchObject({ residentSmsConsent: false, residentSmsConsentAt: null });
    const { id } = await createRequest(t.ctx, onlineForm(t.categories[0].id, { contactMethod: "EMAIL", email: "jan@example.be", smsConsent: "on" }), { source: "ONLINE", locale: "nl" });
    expect(await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenant.id, id } } })).toMatchObject({ residentSmsConsent: false, residentSmsConsentAt: null });
  });

  it("texts a mobile number with consent and owes no call; a landline or no consent is called back instead", async () => {
    const t = await town();
    const mobile = await byPhone(t, { phone: MOBILE, smsConsent: "on" });
    expect(residentContact(mobile, "BE").phone).toEqual({ value: "+32470123456", consent: true, verified: false });
    expect(smsDecision(residentContact(mobile, "BE"))).toBe("QUEUED");
    expect(await callbacksOf(t.tenant.id, mobile.id)).toEqual([]);

    // Consent for a landline is no use: no text can reach it.
    const landline = await byPhone(t, { phone: LANDLINE, smsConsent: "on" });
    expect(residentContact(landline, "BE").phone).toBeNull();
    expect(await callbacksOf(t.tenant.id, landline.id)).toMatchObject([{ reason: "NEW_REQUEST", calledAt: null }]);

    const noConsent = await byPhone(t, { phone: MOBILE });
    expect(smsDecision(residentContact(noConsent, "BE"))).toBe("NO_CONSENT");
    expect(await callbacksOf(t.tenant.id, noConsent.id)).toMatchObject([{ reason: "NEW_REQUEST" }]);
  });

  it("owes a call to an online resident who chose a phone call with a landline, not to one reached by e-mail", async () => {
    const t = await town();
    const create = async (fields: Record<string, string>) => (await createRequest(t.ctx, onlineForm(t.categories[0].id, fields), { source: "ONLINE", locale: "nl" })).id;
    const call = await create({ phone: LANDLINE });
    const mailed = await create({ phone: LANDLINE, email: "jan@example.be" });
    const byMail = await create({ contactMethod: "EMAIL", email: "jan@example.be", phone: LANDLINE });
    expect((await callbacksOf(t.tenant.id, call)).map((c) => c.reason)).toEqual(["NEW_REQUEST"]);
    expect(await callbacksOf(t.tenant.id, mailed)).toEqual([]);
    expect(await callbacksOf(t.tenant.id, byMail)).toEqual([]);
  });

  it("sets the deadline from the town's hours for its mode", async () => {
    const active = await town({ callbackHoursActive: 30 });
    const crisis = await town({ mode: "CRISIS" });
    const a = await byPhone(active, { phone: LANDLINE });
    const c = await byPhone(crisis, { phone: LANDLINE });
    const [ca] = await callbacksOf(active.tenant.id, a.id);
    const [cc] = await callbacksOf(crisis.tenant.id, c.id);
    expect(ca.dueAt.getTime() - a.createdAt.getTime()).toBe(30 * HOUR);
    expect(cc.dueAt.getTime() - c.createdAt.getTime()).toBe(4 * HOUR);
  });

  it("owes a call when a volunteer is assigned and when the help is done", async () => {
    const t = await town({ mode: "CRISIS" });
    const request = await byPhone(t, { phone: LANDLINE });
    await publishRequest(t.ctx, t.staff.id, request.id, "Groceries for an older resident");
    const volunteer = await createVolunteer(t.tenant.id, [t.categories[0].id], { name: "Anna Peeters" });
    await assignVolunteers(t.ctx, t.staff.id, request.id, [volunteer.profile.id]);
    await changeStatus(t.ctx, t.staff.id, request.id, "DONE");
    expect((await callbacksOf(t.tenant.id, request.id)).map((c) => c.reason)).toEqual(["NEW_REQUEST", "VOLUNTEER_ASSIGNED", "FOLLOW_UP"]);

    // A resident reached by text gets "Anna will call you today" as a text instead (the SMS channel sends it).
    const texted = await byPhone(t, { phone: MOBILE, smsConsent: "on" });
    await publishRequest(t.ctx, t.staff.id, texted.id, "Groceries for an older resident");
    await assignVolunteers(t.ctx, t.staff.id, texted.id, [volunteer.profile.id]);
    expect(await callbacksOf(t.tenant.id, texted.id)).toEqual([]);
    // Both texts are queued for the mobile number and go out (development inbox: no Twilio keys in tests).
    await dispatchSms({ tenantIds: [t.tenant.id] });
    const texts = await systemDb.outboxSms.findMany({ where: { tenantId: t.tenant.id, to: "+32470123456" }, orderBy: { createdAt: "asc" } });
    expect(texts.map((x) => [x.template, x.status])).toEqual([["request-received", "SENT"], ["request-matched", "SENT"]]);
    for (const x of texts) expect(x.body).toContain(texted.reference);
  });

  it("records who called back and when, once, with one audit entry, and takes the call off the list", async () => {
    const t = await town();
    const request = await byPhone(t, { phone: LANDLINE });
    const before = await callbackList(t.ctx);
    expect(before.open.map((c) => c.request.reference)).toEqual([request.reference]);
    const [callback] = before.open;

    await markCalledBack(t.ctx, t.staff.id, callback.id);
    await expect(markCalledBack(t.ctx, t.staff.id, callback.id)).rejects.toBeInstanceOf(InvalidTransition);
    const stored = await systemDb.callback.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenant.id, id: callback.id } } });
    expect(stored.calledById).toBe(t.staff.id);
    expect(stored.calledAt).toBeInstanceOf(Date);
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action: "callback.done" } });
    expect(audit).toMatchObject([{ actorId: t.staff.id, subjectType: "HelpRequest", subjectId: request.id, details: { callbackId: callback.id, reason: "NEW_REQUEST" } }]);

    const after = await callbackList(t.ctx);
    expect(after.open).toEqual([]);
    expect(after.done).toMatchObject([{ id: callback.id, calledBy: { email: expect.stringContaining("@") } }]);
  });

  it("lists calls made today on the town's clock, not the server's", async () => {
    const t = await town({ timeZone: "Europe/Brussels" });
    const request = await byPhone(t, { phone: LANDLINE });
    const [callback] = await callbacksOf(t.tenant.id, request.id);
    // 23:30 in Brussels on 1 December, 22:30 UTC.
    await markCalledBack(t.ctx, t.staff.id, callback.id, new Date("2026-12-01T22:30:00Z"));
    expect((await callbackList(t.ctx, new Date("2026-12-01T22:45:00Z"))).done.map((c) => c.id)).toEqual([callback.id]);
    // 00:30 on 2 December in Brussels, though still 1 December in UTC: a new day's list.
    expect((await callbackList(t.ctx, new Date("2026-12-01T23:30:00Z"))).done).toEqual([]);
  });

  it("keeps each town's callbacks to itself", async () => {
    const a = await town();
    const b = await town();
    const request = await byPhone(a, { phone: LANDLINE });
    const [callback] = await callbacksOf(a.tenant.id, request.id);
    expect((await callbackList(b.ctx)).open).toEqual([]);
    await expect(markCalledBack(b.ctx, b.staff.id, callback.id)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await systemDb.callback.findUniqueOrThrow({ where: { tenantId_id: { tenantId: a.tenant.id, id: callback.id } } })).toMatchObject({ calledAt: null });
    expect(await systemDb.auditLog.count({ where: { tenantId: b.tenant.id, action: "callback.done" } })).toBe(0);
  });

  it("gives the resident their consent to texts and the calls in their export, and drops calls still owed on erasure", async () => {
    const t = await town();
    const called = await byPhone(t, { phone: LANDLINE, smsConsent: "on" });
    await byPhone(t, { phone: LANDLINE });
    const [first] = await callbacksOf(t.tenant.id, called.id);
    await markCalledBack(t.ctx, t.staff.id, first.id);
    const exported = await exportResidentData(t.ctx, t.staff.id, { phone: "+3216272222" }, { identityVerified: true }, "en");
    expect(exported.requests[0]).toMatchObject({ consent: { textMessages: true }, callsFromStaff: [{ reason: "NEW_REQUEST", calledAt: expect.any(Date) }] });
    expect(exported.requests[1].callsFromStaff).toMatchObject([{ reason: "NEW_REQUEST", calledAt: null }]);

    await eraseResidentData(t.ctx, t.staff.id, { phone: "+3216272222" }, { identityVerified: true });
    expect((await callbackList(t.ctx)).open).toEqual([]);
    expect(await systemDb.callback.count({ where: { tenantId: t.tenant.id } })).toBe(1); // the call made stays, without personal data
  });

  it("accepts callback hours within bounds only", () => {
    const base = {
      name: "Leuven", primaryColor: "#1d4ed8", phone: "016 27 22 22", country: "BE", timeZone: "Europe/Brussels", locales: ["nl"], defaultLocale: "nl",
      mode: "CRISIS", responseCap: "5", retentionDays: "90", emailsPerDay: "3",
    };
    const errors = (fields: Record<string, string>) => {
      const parsed = townSettingsSchema.safeParse({ ...base, ...fields });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    };
    expect(errors({})).toEqual([]);
    expect(errors({ callbackHoursCrisis: "2", callbackHoursActive: "48" })).toEqual([]);
    for (const bad of ["0", "-1", "1.5", "abc", "", "100000"]) {
      expect(errors({ callbackHoursCrisis: bad })).toEqual(["callbackHoursCrisis"]);
      expect(errors({ callbackHoursActive: bad })).toEqual(["callbackHoursActive"]);
    }
  });
});
