import Stripe from "stripe";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { helptAdapter } from "@/lib/auth/adapter";
import { createSignInLink } from "@/lib/auth/sign-in-link";
import { sessionTokenFor } from "@/lib/auth/site-session";
import { handleStripeWebhook, SIGNATURE_TOLERANCE_SECONDS } from "@/lib/billing/webhook";
import { prisma } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/mutations";
import { removeMember } from "@/lib/settings/team";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createUser, requestInput, uniqueSlug } from "./helpers/factories";
import { startFakeStripe, WEBHOOK_SECRET } from "./helpers/fake-stripe";

// Issue 12: what one town's action, link or form can do elsewhere.

describe("removing a team member (issue 12, item 1)", () => {
  it("ends their sessions on this town's sites only, never another town's", async () => {
    const { tenant: leuven } = await createTown();
    const { tenant: gent } = await createTown();
    await systemDb.domain.create({ data: { host: `${uniqueSlug("helpt")}.leuven.test`, tenantId: leuven.id, verificationToken: "x", verifiedAt: new Date() } });
    const [leuvenDomain] = await systemDb.domain.findMany({ where: { tenantId: leuven.id } });
    const keeper = await createUser("leuven-admin");
    const gentAdmin = await createUser("gent-admin");
    await systemDb.membership.createMany({
      data: [
        { tenantId: leuven.id, userId: keeper.id, role: "ADMIN" },
        { tenantId: gent.id, userId: gentAdmin.id, role: "ADMIN" },
        { tenantId: leuven.id, userId: gentAdmin.id, role: "STAFF" }, // Leuven invited Gent's admin
      ],
    });
    const session = (site: string) => ({ sessionToken: sessionTokenFor(site), userId: gentAdmin.id, expires: new Date(Date.now() + 3_600_000) });
    const onGent = session(gent.slug);
    const onApex = session("");
    const onLeuven = session(leuven.slug);
    const onLeuvenDomain = session(leuvenDomain.host);
    await prisma.session.createMany({ data: [onGent, onApex, onLeuven, onLeuvenDomain] });

    const membership = await systemDb.membership.findFirstOrThrow({ where: { tenantId: leuven.id, userId: gentAdmin.id } });
    await removeMember(leuven, keeper.id, membership.id);

    const left = (await prisma.session.findMany({ where: { userId: gentAdmin.id } })).map((s) => s.sessionToken).sort();
    expect(left).toEqual([onGent.sessionToken, onApex.sessionToken].sort());
    expect(await systemDb.membership.count({ where: { tenantId: gent.id, userId: gentAdmin.id } })).toBe(1);
  });
});

describe("sign-in tokens are bound to their site (issue 12, item 2)", () => {
  it("a token asked on one site is refused on every other, and still works on its own", async () => {
    const sites = ["leuven", "gent", "", "helpt.gent.be", "helpt.leuven.be"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sites), fc.constantFrom(...sites), async (asked, used) => {
        const identifier = `${uniqueSlug("u")}@example.be`;
        await helptAdapter(prisma, asked).createVerificationToken!({ identifier, token: "hashed", expires: new Date(Date.now() + 60_000) });
        const elsewhere = await helptAdapter(prisma, used).useVerificationToken!({ identifier, token: "hashed" });
        if (asked === used) {
          expect(elsewhere).toMatchObject({ identifier });
        } else {
          expect(elsewhere).toBeNull();
          expect(await helptAdapter(prisma, asked).useVerificationToken!({ identifier, token: "hashed" })).toMatchObject({ identifier });
        }
      }),
      { numRuns: 25 },
    );
  });

  it("an invitation link works on the inviting town's site only", async () => {
    const { tenant } = await createTown();
    const email = `${uniqueSlug("invitee")}@example.be`;
    const link = new URL(await createSignInLink({ email, slug: tenant.slug, callbackPath: "/", validHours: 1 }));
    expect(link.hostname).toBe(`${tenant.slug}.localhost`);
    const [row] = await prisma.verificationToken.findMany({ where: { identifier: email } });
    expect(await helptAdapter(prisma, "gent").useVerificationToken!({ identifier: email, token: row.token })).toBeNull();
    expect(await helptAdapter(prisma, tenant.slug).useVerificationToken!({ identifier: email, token: row.token })).toMatchObject({ identifier: email });
  });
});

describe("Stripe signatures (issue 12, item 6)", () => {
  let fake: Awaited<ReturnType<typeof startFakeStripe>> | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  it("are refused when timestamped beyond the tolerance either way, accepted within it", async () => {
    fake = await startFakeStripe();
    const now = new Date();
    const offset = fc.oneof(
      fc.integer({ min: -SIGNATURE_TOLERANCE_SECONDS + 5, max: SIGNATURE_TOLERANCE_SECONDS - 5 }),
      fc.integer({ min: SIGNATURE_TOLERANCE_SECONDS + 5, max: 30 * 86_400 }),
      fc.integer({ min: -30 * 86_400, max: -SIGNATURE_TOLERANCE_SECONDS - 5 }),
      fc.constant(3_600),
    );
    await fc.assert(
      fc.asyncProperty(offset, async (seconds) => {
        const payload = JSON.stringify({ id: `evt_${uniqueSlug("t")}`, object: "event", type: "charge.succeeded", api_version: Stripe.API_VERSION, created: 1, livemode: false, data: { object: { id: "ch_1", object: "charge" } } });
        const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(now.getTime() / 1000) + seconds });
        const { status } = await handleStripeWebhook(payload, signature, now);
        expect(status).toBe(Math.abs(seconds) > SIGNATURE_TOLERANCE_SECONDS ? 400 : 200);
      }),
      { numRuns: 30 },
    );
  });
});

describe("form submissions are idempotent per submission key (issue 12, item 6)", () => {
  it("a retried request form or phone intake answers with the first request", async () => {
    const { tenant, categories } = await createTown();
    const staff = await createUser("staff");
    for (const meta of [{ source: "ONLINE" as const, locale: "nl" }, { source: "PHONE" as const, locale: "nl", staffId: staff.id }]) {
      const submissionKey = uniqueSlug("key");
      const input = requestInput(categories[0].id, meta.source === "PHONE" ? { urgency: "NORMAL", ageGroup: "UNKNOWN", recurrence: "NONE", consentNote: "by phone" } : {});
      const attempts = await Promise.all([1, 2, 3].map(() => createRequest(tenant, input, { ...meta, submissionKey })));
      const again = await createRequest(tenant, input, { ...meta, submissionKey });
      expect(new Set([...attempts, again].map((r) => r.reference)).size).toBe(1);
      expect(await systemDb.helpRequest.count({ where: { tenantId: tenant.id, submissionKey } })).toBe(1);
    }
    // Without a key, or with another one, each submission is its own request.
    const a = await createRequest(tenant, requestInput(categories[0].id), { source: "ONLINE", locale: "nl" });
    const b = await createRequest(tenant, requestInput(categories[0].id), { source: "ONLINE", locale: "nl", submissionKey: uniqueSlug("key") });
    expect(a.reference).not.toBe(b.reference);
  });

  it("the same key in another town is another submission", async () => {
    const { tenant: one, categories: c1 } = await createTown();
    const { tenant: two, categories: c2 } = await createTown();
    const submissionKey = uniqueSlug("key");
    const first = await createRequest(one, requestInput(c1[0].id), { source: "ONLINE", locale: "nl", submissionKey });
    const second = await createRequest(two, requestInput(c2[0].id), { source: "ONLINE", locale: "nl", submissionKey });
    expect(await systemDb.helpRequest.count({ where: { submissionKey } })).toBe(2);
    expect(first.id).not.toBe(second.id);
  });
});
