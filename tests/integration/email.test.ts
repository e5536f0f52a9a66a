import { afterEach, describe, expect, it } from "vitest";
import { deliver, listDevMailbox } from "@/lib/email/deliver";
import { renderTemplate } from "@/lib/email/render";
import { TEMPLATES, type TemplateName } from "@/lib/email/templates";
import { LOCALES } from "@/lib/i18n/locales";
import { startFakeResend } from "./helpers/fake-resend";
import { uniqueSlug } from "./helpers/factories";

let fake: Awaited<ReturnType<typeof startFakeResend>> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe("e-mail delivery", () => {
  it("keeps mail in the development mailbox without RESEND_API_KEY", async () => {
    const to = `${uniqueSlug("resident")}@example.be`;
    const result = await deliver({ to, subject: "Hallo", html: "<p>Hallo</p>", text: "Hallo" });
    expect(result.via).toBe("devmailbox");
    const [stored] = await listDevMailbox({ to });
    expect(stored).toMatchObject({ to, subject: "Hallo", text: "Hallo" });
  });

  it("posts to Resend's API with the key and idempotency key when configured", async () => {
    fake = await startFakeResend();
    const to = `${uniqueSlug("vol")}@example.be`;
    const result = await deliver({ to, subject: "S", html: "<p>H</p>", text: "H", idempotencyKey: "msg-1" });
    expect(result).toEqual({ via: "resend", id: expect.stringMatching(/^re_\w+_1$/) });
    expect(fake.calls[0]).toMatchObject({ idempotencyKey: "msg-1", to: [to], subject: "S", text: "H" });
    expect(await listDevMailbox({ to })).toHaveLength(0);
  });

  it("reports Resend's refusal with its status and retry-after", async () => {
    fake = await startFakeResend(() => ({ status: 429, retryAfter: 7 }));
    await expect(deliver({ to: "a@example.be", subject: "S", html: "H", text: "H" })).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });
});

describe("templates", () => {
  const brand = { name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22" };
  const names = Object.keys(TEMPLATES) as TemplateName[];

  it.each(LOCALES.flatMap((l) => names.map((n) => [n, l] as const)))("%s renders in %s, branded, with no missing string", async (name, locale) => {
    const mail = await renderTemplate(name, locale, brand, TEMPLATES[name].sample as never);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain("#9b1c1c");
    expect(mail.text).toContain("016 27 22 22");
    expect(mail.text).not.toMatch(/\bemail\.[a-zA-Z]+\./);
    for (const value of Object.values(TEMPLATES[name].sample)) {
      if (typeof value === "string" && value.startsWith("https://")) expect(mail.text).toContain(value);
    }
  });

  it("refuses data that does not fit the template", async () => {
    await expect(renderTemplate("request-received", "nl", brand, {} as never)).rejects.toThrow();
  });
});
