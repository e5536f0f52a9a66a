import { describe, expect, it } from "vitest";
import { sendDueWaves } from "@/lib/alerts/waves";
import { NotFoundInTenant } from "@/lib/errors";
import { acceptInvitation, acceptOwnInvitation, openInvitation } from "@/lib/imports/invitation";
import { confirmImport, getImport, importProgress, previewImport } from "@/lib/imports/jobs";
import { PREVIEW_KEEP_DAYS, purgeAbandonedPreviews } from "@/lib/imports/purge-previews";
import { runImportChunk, runImports } from "@/lib/imports/run";
import { setBlocked } from "@/lib/matching/block";
import { rankCandidates } from "@/lib/matching/candidates";
import { sendVolunteerDigests } from "@/lib/matching/digest";
import { createRequest, publishRequest } from "@/lib/requests/mutations";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { volunteerList } from "../fixtures/volunteer-list";
import { createTown, createUser, createVolunteer, requestInput, uniqueSlug } from "./helpers/factories";

const NOON = new Date("2026-06-02T10:00:00Z");
const AREAS = [{ name: "Centrum", postcode: "3000", latitude: 50.8798, longitude: 4.7005 }];
const utf8 = (text: string) => new TextEncoder().encode(text);

async function town() {
  const t = await createTown({ mode: "CRISIS", alertBatchCrisis: 50, responseCap: 5, emailsPerDay: 10 });
  await systemDb.area.createMany({ data: AREAS.map((a) => ({ tenantId: t.tenant.id, ...a })) });
  const coordinator = await createUser("coord");
  return { ...t, ctx: { id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" as const, country: "BE" as const, responseCap: 5 }, coordinator };
}
type Town = Awaited<ReturnType<typeof town>>;

const upload = (t: Town, text: string, name = "vrijwilligers.csv") => previewImport(t.ctx, t.coordinator.id, { name, bytes: utf8(text) });
async function preview(t: Town, text: string) {
  const p = await upload(t, text);
  if (!("jobId" in p)) throw new Error(`missing columns ${p.missing.join()}`);
  return p.jobId;
}
const runAll = async (t: Town, jobId: string, size?: number) => {
  while (await runImportChunk(t.tenant.id, jobId, size, NOON));
};
const invitations = (t: Town) => systemDb.outboxEmail.findMany({ where: { tenantId: t.tenant.id, template: "volunteer-invitation" }, orderBy: { createdAt: "asc" } });
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("importing a volunteer list", () => {
  it("previews without writing people, finding duplicates against this town's volunteers and within the file", async () => {
    const t = await town();
    const other = await town();
    const known = await createVolunteer(t.tenant.id, [t.categories[0].id], { phone: "+32470111222" });
    // Volunteering in another town is no duplicate here.
    const elsewhere = await createVolunteer(other.tenant.id, [other.categories[0].id], { phone: "+32470999888" });
    const mail = (s: string) => `${uniqueSlug(s)}@example.be`;
    const a = mail("a"), b = mail("b");
    const csv = [
      "Naam;E-mail;GSM;Postcode",
      `Ann;${a};0470 00 00 01;3000`,
      `Known by mail;${known.user.email.toUpperCase()};;3000`,
      `Known by phone;${mail("c")};0470 11 12 22;3000`,
      `Ann again;${a};;3000`,
      `Same phone;${mail("d")};+32 470 00 00 01;3000`,
      `Elsewhere;${elsewhere.user.email};0470 99 98 88;3000`,
      `Bad;not-an-email;123;`,
      `Bert;${b};;3000`,
    ].join("\n");
    const users = await systemDb.user.count();
    const jobId = await preview(t, csv);
    const job = await getImport(t.ctx, jobId);
    expect({ total: job.total, duplicates: job.duplicates, invalid: job.invalid, status: job.status }).toEqual({ total: 8, duplicates: 4, invalid: 1, status: "PREVIEW" });
    expect(job.problems.map((p) => [p.line, p.error])).toEqual([
      [3, "alreadyVolunteer"], [4, "alreadyVolunteer"], [5, "duplicateInFile"], [6, "duplicateInFile"], [8, "invalidEmail"], [8, "invalidPhone"], [8, "postcodeMissing"],
    ]);
    expect(job.first.map((r) => r.line)).toEqual([2, 7, 9]);
    expect(job.mapping).toEqual({ name: "Naam", email: "E-mail", phone: "GSM", postcode: "Postcode" });
    expect(await systemDb.user.count()).toBe(users);
    expect(await systemDb.volunteerProfile.count({ where: { tenantId: t.tenant.id } })).toBe(1);

    // A corrected upload replaces the preview it corrects.
    const again = await preview(t, csv);
    expect(await forTenant(t.tenant.id).importJob.findMany({ select: { id: true } })).toEqual([{ id: again }]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const t = await town();
    expect(await upload(t, "Telefoon;Talen\n0470000001;nl\n")).toEqual({ missing: ["name", "email", "postcode"] });
  });

  it("runs a confirmed import in chunks, its progress in the database after each, with one audit entry and an invitation each", async () => {
    const t = await town();
    const rows = Array.from({ length: 1_200 }, (_, i) => `Volunteer ${i};${uniqueSlug(`v${i}`)}@example.be;+3247${String(1_000_000 + i).padStart(7, "0")};3000;nl`);
    const jobId = await preview(t, `name,email,phone,postcode,languages\n${rows.join("\n").replaceAll(";", ",")}`);
    await expect(runImportChunk(t.tenant.id, jobId, 500, NOON)).resolves.toBe(false); // a preview is never run
    await confirmImport(t.ctx, t.coordinator.id, jobId, NOON);
    await expect(confirmImport(t.ctx, t.coordinator.id, jobId, NOON)).rejects.toThrow("importNotPending");

    const seen = [];
    while (await runImportChunk(t.tenant.id, jobId, 500, NOON)) seen.push(await importProgress(t.ctx, jobId));
    seen.push(await importProgress(t.ctx, jobId));
    expect(seen.map((s) => [s.status, s.processed, s.created])).toEqual([["RUNNING", 500, 500], ["RUNNING", 1000, 1000], ["DONE", 1200, 1200]]);

    const profiles = await systemDb.volunteerProfile.groupBy({ by: ["status"], where: { tenantId: t.tenant.id }, _count: true });
    expect(profiles).toEqual([{ status: "INVITED", _count: 1200 }]);
    expect(await systemDb.volunteerProfile.count({ where: { tenantId: t.tenant.id, codeOfConductAt: null, latitude: { not: null } } })).toBe(1200);
    expect((await invitations(t)).length).toBe(1200);
    const audit = await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action: "volunteers.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toEqual({ fileName: "vrijwilligers.csv", rows: 1200, toImport: 1200, duplicates: 0, invalid: 0 });
    // The rows waited in the job only to be imported.
    expect((await systemDb.importJob.findFirstOrThrow({ where: { id: jobId } })).rows).toEqual([]);
  });

  it("reads and imports a list of 10,500 people with the fields towns keep (1.8 MB, past the 1 MB other forms are held to)", async () => {
    const t = await town();
    const file = volunteerList(10_500, uniqueSlug("big"));
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const jobId = await preview(t, file.toString("utf8"));
    expect(await importProgress(t.ctx, jobId)).toMatchObject({ status: "PREVIEW", total: 10_500, toImport: 10_500 });
    expect((await getImport(t.ctx, jobId)).problems).toEqual([]);
    await confirmImport(t.ctx, t.coordinator.id, jobId, NOON);
    // The worker's first chunk: the rest runs the same way (10,000 rows to the end: the bench's import figure).
    await expect(runImportChunk(t.tenant.id, jobId, 1_000, NOON)).resolves.toBe(true);
    expect(await importProgress(t.ctx, jobId)).toMatchObject({ status: "RUNNING", processed: 1_000, created: 1_000, failed: 0 });
    expect(await systemDb.volunteerProfile.count({ where: { tenantId: t.tenant.id, status: "INVITED" } })).toBe(1_000);
    // The other 9,500 rows would be any later worker tick's (the two towns' test below runs one): not left queued.
    await systemDb.importJob.delete({ where: { tenantId_id: { tenantId: t.tenant.id, id: jobId } } });
  }, 120_000);

  it("skips at run time someone who signed up between preview and confirmation", async () => {
    const t = await town();
    const late = `${uniqueSlug("late")}@example.be`;
    const jobId = await preview(t, `Naam;E-mail;Postcode\nLate;${late};3000\nOther;${uniqueSlug("o")}@example.be;3000\n`);
    const user = await systemDb.user.create({ data: { email: late } });
    const { saveVolunteerProfile } = await import("@/lib/volunteers/profile");
    await saveVolunteerProfile({ id: t.tenant.id }, user.id, { name: "Late", phone: "+32470123123", postcode: "3000", maxDistanceKm: 5, categoryIds: [], languages: ["nl"], availability: [], skills: [], codeOfConduct: "on" });
    await confirmImport(t.ctx, t.coordinator.id, jobId, NOON);
    await runAll(t, jobId);
    expect(await importProgress(t.ctx, jobId)).toMatchObject({ status: "DONE", processed: 2, created: 1, skipped: 1 });
    expect((await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: t.tenant.id, userId: user.id } })).status).toBe("ACTIVE");
  });

  it("never matches, alerts or mails an invited volunteer; after accepting they are matched and alerted", async () => {
    const t = await town();
    const email = `${uniqueSlug("inv")}@example.be`;
    const jobId = await preview(t, `Naam;E-mail;Postcode;Categorieën\nIna Invited;${email};3000;groceries\n`);
    await confirmImport(t.ctx, t.coordinator.id, jobId, NOON);
    await runAll(t, jobId);
    const invited = await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    expect(invited.status).toBe("INVITED");
    // Blocked and unblocked by a coordinator, they are invited again: unblocking is no consent.
    await setBlocked(t.ctx, t.coordinator.id, invited.id, true);
    await setBlocked(t.ctx, t.coordinator.id, invited.id, false);
    expect((await systemDb.volunteerProfile.findFirstOrThrow({ where: { id: invited.id } })).status).toBe("INVITED");

    const publish = async (at: Date) => {
      const { id } = await createRequest(t.ctx, requestInput(t.categories[0].id), { source: "ONLINE", locale: "nl" });
      await publishRequest(t.ctx, t.coordinator.id, id, "Groceries", at);
      return id;
    };
    const first = await publish(NOON);
    expect((await rankCandidates(t.ctx, first, 100)).map((c) => c.id)).not.toContain(invited.id);
    await sendDueWaves(NOON, { tenantId: t.tenant.id });
    expect(await systemDb.alert.count({ where: { tenantId: t.tenant.id, volunteerId: invited.id } })).toBe(0);
    await sendVolunteerDigests({ id: t.tenant.id, slug: t.tenant.slug, defaultLocale: "nl" }, new Date(NOON.getTime() + 60_000));
    expect(await systemDb.outboxEmail.count({ where: { tenantId: t.tenant.id, template: "volunteer-digest" } })).toBe(0);

    const [mail] = await invitations(t);
    expect(mail.to).toBe(email);
    const token = tokenOf((mail.data as { url: string }).url);
    // Another town's invitation, or a token tampered with, opens nothing.
    const other = await town();
    expect(await openInvitation(other.ctx, token, NOON)).toBeNull();
    expect(await openInvitation(t.ctx, `${token.slice(0, -2)}AA`, NOON)).toBeNull();
    expect(await openInvitation(t.ctx, token, NOON)).toEqual({ name: "Ina Invited" });
    // Expired after 30 days.
    await expect(acceptInvitation(t.ctx, token, new Date(NOON.getTime() + 31 * 86_400_000))).rejects.toBeInstanceOf(NotFoundInTenant);

    await acceptInvitation(t.ctx, token, NOON);
    const active = await systemDb.volunteerProfile.findFirstOrThrow({ where: { id: invited.id }, include: { user: true } });
    expect(active.status).toBe("ACTIVE");
    expect(active.codeOfConductAt).toEqual(NOON);
    expect(active.user.emailVerified).not.toBeNull();
    // Single use: the link is spent.
    expect(await openInvitation(t.ctx, token, NOON)).toBeNull();
    await expect(acceptInvitation(t.ctx, token, NOON)).rejects.toThrow("invitationUsed");

    const second = await publish(new Date(NOON.getTime() + 120_000));
    expect((await rankCandidates(t.ctx, second, 100)).map((c) => c.id)).toContain(invited.id);
    await sendDueWaves(new Date(NOON.getTime() + 120_000), { tenantId: t.tenant.id });
    expect(await systemDb.alert.count({ where: { tenantId: t.tenant.id, volunteerId: invited.id, requestId: second } })).toBe(1);
  });

  it("lets an imported volunteer who signed in accept on their own page: only their own invited profile in this town, once", async () => {
    const t = await town();
    const other = await town();
    const email = `${uniqueSlug("own")}@example.be`;
    const jobId = await preview(t, `Naam;E-mail;Postcode\nOwen Own;${email};3000\nPia Other;${uniqueSlug("pia")}@example.be;3000\n`);
    await confirmImport(t.ctx, t.coordinator.id, jobId, NOON);
    await runAll(t, jobId);
    const { userId } = await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: t.tenant.id, user: { email } }, select: { userId: true } });
    // Not in another town, and not for someone who is no invited volunteer here.
    await expect(acceptOwnInvitation(other.ctx, userId, NOON)).rejects.toThrow("invitationUsed");
    await expect(acceptOwnInvitation(t.ctx, t.coordinator.id, NOON)).rejects.toThrow("invitationUsed");
    await acceptOwnInvitation(t.ctx, userId, NOON);
    const statuses = await systemDb.volunteerProfile.findMany({ where: { tenantId: t.tenant.id }, select: { status: true, codeOfConductAt: true, user: { select: { email: true, emailVerified: true } } }, orderBy: { name: "asc" } });
    expect(statuses.map((p) => [p.user.email === email, p.status, p.codeOfConductAt?.toISOString() ?? null, !!p.user.emailVerified])).toEqual([
      [true, "ACTIVE", NOON.toISOString(), true],
      [false, "INVITED", null, false],
    ]);
    await expect(acceptOwnInvitation(t.ctx, userId, NOON)).rejects.toThrow("invitationUsed");
    // Their link is spent with it.
    const mail = (await invitations(t)).find((m) => m.to === email)!;
    expect(await openInvitation(t.ctx, tokenOf((mail.data as { url: string }).url), NOON)).toBeNull();
  });

  it("keeps two towns' imports apart", async () => {
    const a = await town();
    const b = await town();
    const jobId = await preview(a, `Naam;E-mail;Postcode\nAnn;${uniqueSlug("a")}@example.be;3000\n`);
    await expect(getImport(b.ctx, jobId)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(importProgress(b.ctx, jobId)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(confirmImport(b.ctx, b.coordinator.id, jobId)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await forTenant(b.tenant.id).importJob.count()).toBe(0);
    // The row-level wall holds on its own: B's scope sees no row of A's, even asked by id.
    const seen = await forTenant(b.tenant.id).$transaction((tx) => tx.$queryRaw<unknown[]>`SELECT id FROM "ImportJob" WHERE id = ${jobId}`);
    expect(seen).toEqual([]);
    // Running B's chunk with A's job id writes nothing.
    await expect(runImportChunk(b.tenant.id, jobId)).resolves.toBe(false);
    await confirmImport(a.ctx, a.coordinator.id, jobId);
    while ((await runImports()) > 0 && (await importProgress(a.ctx, jobId)).status !== "DONE");
    expect(await systemDb.volunteerProfile.count({ where: { tenantId: b.tenant.id } })).toBe(0);
    expect(await systemDb.volunteerProfile.count({ where: { tenantId: a.tenant.id } })).toBe(1);
  });

  it("purges previews nobody confirmed within a week, of every town; confirmed imports and fresh previews stay", async () => {
    const a = await town();
    const b = await town();
    const colleague = await createUser("coord");
    const list = () => `Naam;E-mail;Postcode\nAnn;${uniqueSlug("a")}@example.be;3000\n`;
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const abandoned = await preview(a, list());
    const fresh = await previewImport(a.ctx, colleague.id, { name: "nieuw.csv", bytes: utf8(list()) });
    const confirmed = await preview(b, list());
    await confirmImport(b.ctx, b.coordinator.id, confirmed);
    const elsewhere = await preview(b, list());
    if (!("jobId" in fresh)) throw new Error("no preview");
    const age = async (jobId: string, days: number) => systemDb.importJob.updateMany({ where: { id: jobId }, data: { createdAt: daysAgo(days) } });
    await age(abandoned, PREVIEW_KEEP_DAYS + 1);
    await age(fresh.jobId, PREVIEW_KEEP_DAYS - 1);
    await age(confirmed, 30);
    await age(elsewhere, PREVIEW_KEEP_DAYS + 0.01);
    expect(await purgeAbandonedPreviews(now)).toBeGreaterThanOrEqual(2);
    const left = await systemDb.importJob.findMany({ where: { id: { in: [abandoned, fresh.jobId, confirmed, elsewhere] } }, select: { id: true } });
    expect(left.map((j) => j.id).sort()).toEqual([fresh.jobId, confirmed].sort());
    // Its page is gone with it: the coordinator who comes back finds "not found", and can upload again.
    await expect(getImport(a.ctx, abandoned)).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(confirmImport(a.ctx, a.coordinator.id, abandoned)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await purgeAbandonedPreviews(now)).toBe(0);
  });
});
