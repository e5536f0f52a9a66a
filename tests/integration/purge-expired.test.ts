import { describe, expect, it } from "vitest";
import { purgeExpired, SIGNUP_DRAFT_DAYS } from "@/lib/privacy/purge-expired";
import { systemDb } from "@/lib/tenancy/system";
import { createUser, uniqueSlug } from "./helpers/factories";

const DAY = 86_400_000;

describe("purge of expired global rows", () => {
  it("deletes expired rate-limit counters, sessions, sign-in tokens and abandoned sign-ups; keeps live ones", async () => {
    // The real "now": other test files running alongside keep only live rows, which must survive.
    const now = new Date();
    const past = new Date(now.getTime() - 60_000);
    const future = new Date(now.getTime() + 60_000);
    const user = await createUser("purge");
    const key = uniqueSlug("magicLinkPerIp:10.0.0");
    await systemDb.rateLimiterFlexible.createMany({ data: [{ key: `${key}-old`, points: 3, expire: past }, { key: `${key}-live`, points: 1, expire: future }] });
    await systemDb.session.createMany({ data: [{ sessionToken: `${key}-old`, userId: user.id, expires: past }, { sessionToken: `${key}-live`, userId: user.id, expires: future }] });
    await systemDb.verificationToken.createMany({ data: [{ identifier: user.email, token: `${key}-old`, expires: past, site: "" }, { identifier: user.email, token: `${key}-live`, expires: future, site: "" }] });
    const oldDraft = await systemDb.signupDraft.create({ data: { data: { adminEmail: user.email }, updatedAt: new Date(now.getTime() - (SIGNUP_DRAFT_DAYS + 1) * DAY) } });
    const liveDraft = await systemDb.signupDraft.create({ data: { data: { adminEmail: user.email }, updatedAt: new Date(now.getTime() - (SIGNUP_DRAFT_DAYS - 1) * DAY) } });

    const purged = await purgeExpired(now);
    for (const kind of ["counters", "sessions", "tokens", "drafts"] as const) expect(purged[kind], kind).toBeGreaterThanOrEqual(1);

    expect((await systemDb.rateLimiterFlexible.findMany({ where: { key: { startsWith: key } } })).map((r) => r.key)).toEqual([`${key}-live`]);
    expect((await systemDb.session.findMany({ where: { userId: user.id } })).map((s) => s.sessionToken)).toEqual([`${key}-live`]);
    expect((await systemDb.verificationToken.findMany({ where: { identifier: user.email } })).map((t) => t.token)).toEqual([`${key}-live`]);
    expect(await systemDb.signupDraft.findUnique({ where: { id: oldDraft.id } })).toBeNull();
    expect(await systemDb.signupDraft.findUnique({ where: { id: liveDraft.id } })).not.toBeNull();
  });
});
