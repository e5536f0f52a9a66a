import { createServer, type IncomingMessage, type Server } from "node:http";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { MagicLinkEmail } from "@/emails/magic-link";
import { deliver, listDevMailbox } from "@/lib/email/deliver";
import { emailTranslator, renderEmail } from "@/lib/email/render";
import { LOCALES } from "@/lib/i18n/locales";
import { uniqueSlug } from "./helpers/factories";

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c)).on("end", () => resolve(data));
  });

let server: Server | undefined;
afterEach(() => {
  server?.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
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
    const seen: { auth?: string; idem?: string; payload?: Record<string, unknown> }[] = [];
    server = createServer(async (req, res) => {
      seen.push({ auth: req.headers.authorization, idem: req.headers["idempotency-key"] as string, payload: JSON.parse(await body(req)) });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "email_123" }));
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    const to = `${uniqueSlug("vol")}@example.be`;
    const result = await deliver({ to, subject: "S", html: "<p>H</p>", text: "H", idempotencyKey: "msg-1" });
    expect(result).toEqual({ via: "resend", id: "email_123" });
    expect(seen[0]).toMatchObject({ auth: "Bearer re_test_key", idem: "msg-1", payload: { to: [to], subject: "S", text: "H" } });
    expect(await listDevMailbox({ to })).toHaveLength(0);
  });

  it("reports Resend's refusal with its status and retry-after", async () => {
    server = createServer((_req, res) => res.writeHead(429, { "retry-after": "7" }).end('{"message":"slow down"}'));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await expect(deliver({ to: "a@example.be", subject: "S", html: "H", text: "H" })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 7,
    });
  });
});

describe("magic-link e-mail", () => {
  it.each(LOCALES)("renders branded and translated in %s", async (locale) => {
    const t = await emailTranslator(locale);
    const url = "http://leuven.localhost:3000/api/auth/callback/email?token=abc";
    const { html, text } = await renderEmail(
      createElement(MagicLinkEmail, { t, locale, brand: { name: "Leuven", primaryColor: "#9b1c1c", phone: "016 27 22 22" }, url, minutes: 15 }),
    );
    expect(html).toContain(`lang="${locale}"`);
    expect(html).toContain("#9b1c1c");
    expect(text).toContain(url);
    expect(text).toContain("016 27 22 22");
    expect(text).toContain(t("magicLink.expiry", { minutes: 15 }));
    expect(text).not.toMatch(/email\.|magicLink\./); // no untranslated keys
  });
});
