import { describe, expect, it } from "vitest";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { acceptPartnerInvitation, inviteColleague, invitePartner } from "@/lib/partners/invitations";
import { saveMemberDetails } from "@/lib/partners/details";
import { partnerSeat, partnerStaff } from "@/lib/partners/members";
import { listApplicants } from "@/lib/organisations/applicants";
import { ownOrganisation, saveOrganisation } from "@/lib/organisations/vacancies";
import { listReferrals } from "@/lib/referrals/list";
import { referResident } from "@/lib/referrals/refer";
import { getRequestForStaff, listQueue } from "@/lib/requests/queries";
import { phoneRequestSchema } from "@/lib/requests/schemas";
import { createRequest } from "@/lib/requests/mutations";
import { prisma } from "@/lib/db/client";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, uniqueSlug } from "./helpers/factories";

const referralForm = (categoryId: string, fields: Record<string, string> = {}) =>
  phoneRequestSchema.parse({
    categoryId, description: "Groceries for this week, please", postcode: "3000", name: "Maria Peeters", phone: "0470 12 34 56",
    contactMethod: "PHONE", whenKind: "ASAP", consentByPhone: "on", consentNote: "Agreed at the GP's surgery", country: "BE", ...fields,
  });

async function town() {
  const t = await createTown();
  const admin = await createUser("admin");
  await systemDb.membership.create({ data: { tenantId: t.tenant.id, userId: admin.id, role: "ADMIN" } });
  return { ...t, admin, ctx: { id: t.tenant.id, slug: t.tenant.slug, name: t.tenant.name, defaultLocale: "nl" as const, country: "BE" } };
}
type Town = Awaited<ReturnType<typeof town>>;

const join = { name: "Dr. Els Claes", phone: "+3216123456", country: "BE" as const };

/** The admin invites a partner; its first member accepts as themselves. Returns the manager. */
async function partner(t: Town, kind: "SOCIAL_SERVICE" | "GP_PRACTICE" = "SOCIAL_SERVICE", name = `Partner ${uniqueSlug()}`) {
  const email = `${uniqueSlug("manager")}@example.be`;
  const { organisationId, invitationId } = await invitePartner(t.ctx, { userId: t.admin.id, name: "The Admin" }, { name, kind, email });
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  await acceptPartnerInvitation(t.ctx, { userId: user.id, email }, invitationId, { ...join, name: `Manager of ${name}` });
  return { user, email, organisationId, name };
}

describe("partner organisations", () => {
  it("are invited by the admin by e-mail; the invited address joins as manager and invites colleagues with their own role", async () => {
    const t = await town();
    const email = `${uniqueSlug("ocmw")}@example.be`;
    const { organisationId, invitationId } = await invitePartner(t.ctx, { userId: t.admin.id, name: "The Admin" }, { name: "OCMW", kind: "SOCIAL_SERVICE", email });
    const mail = await systemDb.outboxEmail.findFirstOrThrow({ where: { tenantId: t.tenant.id, to: email, template: "partner-invitation" } });
    expect(mail.data).toMatchObject({ organisation: "OCMW", role: "MANAGER" });
    // The e-mail's sign-in link lands on the invitation, on this town's site.
    expect(decodeURIComponent(String((mail.data as { url: string }).url))).toContain(`/organisation/join/${invitationId}`);
    const invited = await prisma.user.findUniqueOrThrow({ where: { email } });
    // Nobody holds a role before accepting; someone else signed in cannot accept it.
    expect(await systemDb.membership.count({ where: { tenantId: t.tenant.id, userId: invited.id } })).toBe(0);
    const stranger = await createUser("stranger");
    await expect(acceptPartnerInvitation(t.ctx, { userId: stranger.id, email: stranger.email }, invitationId, join)).rejects.toBeInstanceOf(NotFoundInTenant);

    await acceptPartnerInvitation(t.ctx, { userId: invited.id, email }, invitationId, join);
    expect(await partnerSeat(t.ctx, invited.id)).toMatchObject({ member: { role: "MANAGER", name: join.name, phone: join.phone }, organisation: { id: organisationId, kind: "SOCIAL_SERVICE" } });
    expect(await systemDb.membership.count({ where: { tenantId: t.tenant.id, userId: invited.id, role: "ORGANISATION" } })).toBe(1);
    // Once only.
    await expect(acceptPartnerInvitation(t.ctx, { userId: invited.id, email }, invitationId, join)).rejects.toBeInstanceOf(NotFoundInTenant);

    const colleague = `${uniqueSlug("colleague")}@example.be`;
    await inviteColleague(t.ctx, { userId: invited.id, email }, { email: colleague, role: "REFERRER" });
    await expect(inviteColleague(t.ctx, { userId: invited.id, email }, { email: colleague, role: "REFERRER" })).rejects.toBeInstanceOf(InvalidInput);
    const pending = await partnerStaff(t.ctx, organisationId);
    expect(pending.invitations.map((i) => [i.email, i.role])).toEqual([[colleague, "REFERRER"]]);
    const colleagueUser = await prisma.user.findUniqueOrThrow({ where: { email: colleague } });
    await acceptPartnerInvitation(t.ctx, { userId: colleagueUser.id, email: colleague }, pending.invitations[0].id, { ...join, name: "Wim Referrer" });
    expect((await partnerSeat(t.ctx, colleagueUser.id))?.member.role).toBe("REFERRER");
    // A referrer invites nobody; neither does someone of no partner.
    await expect(inviteColleague(t.ctx, { userId: colleagueUser.id, email: colleague }, { email: "x@example.be", role: "MANAGER" })).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(inviteColleague(t.ctx, { userId: t.admin.id, email: t.admin.email }, { email: "x@example.be", role: "MANAGER" })).rejects.toBeInstanceOf(NotFoundInTenant);
    await expect(inviteColleague(t.ctx, { userId: invited.id, email }, { email: colleague, role: "MANAGER" })).rejects.toMatchObject({ errors: { email: "alreadyMember" } });
    expect((await partnerStaff(t.ctx, organisationId)).members.map((m) => m.role).sort()).toEqual(["MANAGER", "REFERRER"]);

    const actions = (await systemDb.auditLog.findMany({ where: { tenantId: t.tenant.id, action: { startsWith: "partner." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["partner.invite", "partner.join", "partner.inviteColleague", "partner.join"]);
  });

  it("keep the single-owner way: someone given the partner role starts one and manages it; a referrer edits nothing and sees no applicants", async () => {
    const t = await town();
    const owner = await createUser("owner");
    await systemDb.membership.create({ data: { tenantId: t.tenant.id, userId: owner.id, role: "ORGANISATION" } });
    const org = await saveOrganisation(t.ctx, owner.id, { name: "Woonzorgcentrum", description: "" });
    expect(await partnerSeat(t.ctx, owner.id)).toMatchObject({ member: { role: "MANAGER", name: owner.email, phone: null }, organisation: { id: org.id } });
    await saveMemberDetails(t.ctx, owner.id, { name: "An Owner", phone: "+3216999999" });
    expect((await partnerSeat(t.ctx, owner.id))?.member).toMatchObject({ name: "An Owner", phone: "+3216999999" });

    const email = `${uniqueSlug("referrer")}@example.be`;
    await inviteColleague(t.ctx, { userId: owner.id, email: owner.email }, { email, role: "REFERRER" });
    const [invitation] = (await partnerStaff(t.ctx, org.id)).invitations;
    const referrer = await prisma.user.findUniqueOrThrow({ where: { email } });
    await acceptPartnerInvitation(t.ctx, { userId: referrer.id, email }, invitation.id, join);
    await expect(saveOrganisation(t.ctx, referrer.id, { name: "Taken over", description: "" })).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await ownOrganisation(t.ctx, referrer.id)).toBeNull();
    expect(await listApplicants(t.ctx, referrer.id, { sort: "applied", dir: "desc" })).toBeNull();
    expect((await ownOrganisation(t.ctx, owner.id))?.name).toBe("Woonzorgcentrum");
  });

  it("answer nothing across towns: another town's invitation cannot be opened or accepted there", async () => {
    const [a, b] = [await town(), await town()];
    const email = `${uniqueSlug("m")}@example.be`;
    const { invitationId } = await invitePartner(a.ctx, { userId: a.admin.id, name: "A" }, { name: "A's GP", kind: "GP_PRACTICE", email });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await expect(acceptPartnerInvitation(b.ctx, { userId: user.id, email }, invitationId, join)).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await systemDb.membership.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("referrals", () => {
  it("register a request for a resident with consent recorded as the intake does, naming the partner and member", async () => {
    const t = await town();
    const p = await partner(t, "GP_PRACTICE");
    const { id, reference } = await referResident(t.ctx, p.user.id, referralForm(t.categories[0].id), { locale: "nl" });
    const row = await systemDb.helpRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenant.id, id } }, include: { referral: true } });
    expect(row).toMatchObject({ source: "REFERRAL", consentChannel: "REFERRAL", consentNote: "Agreed at the GP's surgery", createdById: p.user.id, residentPhone: "+32470123456" });
    expect(row.referral).toMatchObject({ organisationId: p.organisationId, referrerId: p.user.id, referrerName: `Manager of ${p.name}`, referrerPhone: join.phone });
    const audit = await systemDb.auditLog.findFirstOrThrow({ where: { tenantId: t.tenant.id, action: "request.create", subjectId: id } });
    expect(audit).toMatchObject({ actorId: p.user.id, details: { source: "REFERRAL", organisationId: p.organisationId } });

    // The coordinator sees who referred it, to call them back; the queue filters on referrals and names the partner.
    const coordinator = await createUser("coordinator");
    const detail = await getRequestForStaff(t.ctx, coordinator.id, id, "nl");
    expect(detail.referral).toMatchObject({ referrerName: `Manager of ${p.name}`, referrerPhone: join.phone, organisation: { name: p.name, kind: "GP_PRACTICE" } });
    await createRequest(t.ctx, referralForm(t.categories[0].id), { source: "PHONE", locale: "nl", staffId: coordinator.id });
    const queue = await listQueue(t.ctx, { source: "REFERRAL" }, "nl");
    expect(queue.rows.map((r) => [r.reference, r.referredBy])).toEqual([[reference, p.name]]);
    expect((await listQueue(t.ctx, {}, "nl")).rows).toHaveLength(2);
  });

  it("need the resident's consent (the intake's validation)", () => {
    const parsed = phoneRequestSchema.safeParse({ ...referralForm("c"), consentByPhone: undefined, phone: "0470 12 34 56", whenKind: "ASAP" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === "consentByPhone")?.message).toBe("consentRequired");
  });

  it("are listed to their own partner only, a page at a time, without the volunteer", async () => {
    const t = await town();
    const [a, b] = [await partner(t), await partner(t)];
    const ours: string[] = [];
    for (let i = 0; i < 3; i++) ours.push((await referResident(t.ctx, a.user.id, referralForm(t.categories[i % 2].id), { locale: "nl" })).reference);
    const theirs = (await referResident(t.ctx, b.user.id, referralForm(t.categories[0].id), { locale: "nl" })).reference;

    const first = await listReferrals(t.ctx, a.user.id, { dir: "desc" }, "nl", 2);
    expect(first?.total).toEqual({ count: 3, more: false });
    const second = await listReferrals(t.ctx, a.user.id, { dir: "desc", after: first!.next! }, "nl", 2);
    const seen = [...first!.rows, ...second!.rows].map((r) => r.reference);
    expect(seen.sort()).toEqual([...ours].sort());
    expect(second?.next).toBeNull();
    // Status and dates; never who helps.
    expect(Object.keys(first!.rows[0]).sort()).toEqual(["category", "closedAt", "createdAt", "id", "reference", "referrerName", "status", "updatedAt"]);
    expect((await listReferrals(t.ctx, b.user.id, { dir: "desc" }, "nl"))?.rows.map((r) => r.reference)).toEqual([theirs]);
    // Someone with no partner sees no list.
    expect(await listReferrals(t.ctx, t.admin.id, { dir: "desc" }, "nl")).toBeNull();
  });

  it("cannot be made in another town by a partner's member, and the town's wall hides them there", async () => {
    const [a, b] = [await town(), await town()];
    const p = await partner(a);
    await referResident(a.ctx, p.user.id, referralForm(a.categories[0].id), { locale: "nl" });
    await expect(referResident(b.ctx, p.user.id, referralForm(b.categories[0].id), { locale: "nl" })).rejects.toBeInstanceOf(NotFoundInTenant);
    expect(await listReferrals(b.ctx, p.user.id, { dir: "desc" }, "nl")).toBeNull();
    expect(await systemDb.helpRequest.count({ where: { tenantId: b.tenant.id } })).toBe(0);
    // Row-level security: town B's scope reads none of A's referrals, members or invitations, even by raw SQL.
    const seen = await forTenant(b.tenant.id).$transaction((tx) => tx.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM "Referral") + (SELECT count(*) FROM "OrganisationMember") + (SELECT count(*) FROM "PartnerInvitation"))::int AS n`);
    expect(seen[0].n).toBe(0);
    const own = await forTenant(a.tenant.id).$transaction((tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Referral"`);
    expect(own[0].n).toBe(1);
  });
});
