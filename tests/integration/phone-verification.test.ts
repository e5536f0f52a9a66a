import { describe, expect, it } from "vitest";
import { InvalidInput, InvalidTransition } from "@/lib/errors";
import { volunteerContact } from "@/lib/notifications/contacts";
import { dispatchSms } from "@/lib/sms/dispatch";
import { optOut } from "@/lib/sms/opt-out";
import { systemDb } from "@/lib/tenancy/system";
import { CODE_TTL_MS, confirmPhoneCode, MAX_CODE_ATTEMPTS, sendPhoneCode, setSmsAlerts } from "@/lib/volunteers/phone";
import { deleteVolunteerProfile, getOwnProfile } from "@/lib/volunteers/profile";
import { createTown, createVolunteer } from "./helpers/factories";
import { randomInt } from "node:crypto";

const mobile = () => `+32470${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
const T0 = new Date();
const at = (ms: number) => new Date(T0.getTime() + ms);

async function volunteer() {
  const { tenant, categories } = await createTown({ name: "Genk" });
  const phone = mobile();
  const { user } = await createVolunteer(tenant.id, [categories[0].id], { phone });
  return { tenant, user, phone };
}

/** The code as the volunteer reads it: the text in the development inbox. */
async function codeSentTo(tenantId: string, phone: string): Promise<string> {
  await dispatchSms({ tenantIds: [tenantId], now: new Date(Date.now() + 3_600_000) });
  const sms = await systemDb.outboxSms.findFirstOrThrow({ where: { tenantId, to: phone, status: "SENT" }, orderBy: { createdAt: "desc" } });
  return /(\d{6})/.exec(sms.body!)![1];
}
const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof InvalidInput ? e.errors.code : e instanceof InvalidTransition ? e.key : e));

describe("a volunteer's mobile number, confirmed by a code", () => {
  it("needs their consent before a code is sent", async () => {
    const { tenant, user, phone } = await volunteer();
    expect(await errorOf(sendPhoneCode(tenant, user.id, "nl", T0))).toBe("smsConsentRequired");
    expect(await systemDb.outboxSms.count({ where: { to: phone } })).toBe(0);
  });

  it("texts a code (stored hashed only) and confirms the number with it; alerts may then use it", async () => {
    const { tenant, user, phone } = await volunteer();
    await setSmsAlerts(tenant, user.id, true);
    await sendPhoneCode(tenant, user.id, "fr", T0);
    const code = await codeSentTo(tenant.id, phone);
    const stored = await systemDb.volunteerProfile.findFirstOrThrow({ where: { tenantId: tenant.id, userId: user.id } });
    expect(stored.phoneCodeHash).not.toContain(code);
    expect((await systemDb.outboxSms.findFirstOrThrow({ where: { to: phone } })).body).toMatch(/^Genk: Votre code : \d{6}\./);
    expect(await errorOf(confirmPhoneCode(tenant, user.id, code === "000000" ? "111111" : "000000", at(60_000)))).toBe("codeWrong");
    await confirmPhoneCode(tenant, user.id, code, at(120_000));
    const profile = (await getOwnProfile(tenant, user.id))!;
    expect(profile).not.toHaveProperty("phoneCodeHash");
    expect(volunteerContact(user, profile).phone).toEqual({ value: phone, consent: true, verified: true });
    // Used once.
    expect(await errorOf(confirmPhoneCode(tenant, user.id, code, at(130_000)))).toBe("codeExpired");
  });

  it("refuses an expired code, and a new code within a minute of the last", async () => {
    const { tenant, user, phone } = await volunteer();
    await setSmsAlerts(tenant, user.id, true);
    await sendPhoneCode(tenant, user.id, "nl", T0);
    expect(await errorOf(sendPhoneCode(tenant, user.id, "nl", at(30_000)))).toBe("codeTooSoon");
    const code = await codeSentTo(tenant.id, phone);
    expect(await errorOf(confirmPhoneCode(tenant, user.id, code, at(CODE_TTL_MS + 1)))).toBe("codeExpired");
    expect(await systemDb.outboxSms.count({ where: { to: phone } })).toBe(1);
  });

  it(`allows ${MAX_CODE_ATTEMPTS} tries per code, guesses in parallel included; then only a new code helps`, async () => {
    const { tenant, user, phone } = await volunteer();
    await setSmsAlerts(tenant, user.id, true);
    await sendPhoneCode(tenant, user.id, "nl", T0);
    const code = await codeSentTo(tenant.id, phone);
    const wrong = Array.from({ length: 8 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.all(wrong.map((w) => errorOf(confirmPhoneCode(tenant, user.id, w, at(1000)))));
    expect(results.filter((r) => r === "codeWrong")).toHaveLength(MAX_CODE_ATTEMPTS);
    expect(results.filter((r) => r === "codeAttempts")).toHaveLength(8 - MAX_CODE_ATTEMPTS);
    expect(await errorOf(confirmPhoneCode(tenant, user.id, code, at(2000)))).toBe("codeAttempts");
    await sendPhoneCode(tenant, user.id, "nl", at(2 * 60_000));
    await confirmPhoneCode(tenant, user.id, await codeSentTo(tenant.id, phone), at(3 * 60_000));
    expect((await getOwnProfile(tenant, user.id))!.phoneVerified).toBe(phone);
  });

  it("forgets the texts sent to the number when the volunteer deletes their profile", async () => {
    const { tenant, user, phone } = await volunteer();
    await setSmsAlerts(tenant, user.id, true);
    await sendPhoneCode(tenant, user.id, "nl", T0);
    await codeSentTo(tenant.id, phone);
    await deleteVolunteerProfile(tenant, user.id);
    expect(await systemDb.outboxSms.count({ where: { to: phone } })).toBe(0);
  });

  it("sends no code to a number that answered STOP", async () => {
    const { tenant, user, phone } = await volunteer();
    await setSmsAlerts(tenant, user.id, true);
    await optOut(phone);
    expect(await errorOf(sendPhoneCode(tenant, user.id, "nl", T0))).toBe("smsOptedOut");
    expect(await systemDb.outboxSms.count({ where: { to: phone } })).toBe(0);
  });
});
