import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";

export type FakeTwilioCall = { to: string; from?: string; messagingServiceSid?: string; body: string; statusCallback?: string; authorised: boolean };
export type FakeTwilioReply = { status: number; code?: number; delayMs?: number };

export const TEST_ACCOUNT_SID = `AC${"0123456789abcdef".repeat(2)}`;
export const TEST_AUTH_TOKEN = "test-auth-token-0123456789";

/**
 * A local HTTP server speaking Twilio's Messages API:
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP
 * Basic auth with the account SID and auth token, answered with Twilio's JSON
 * (a message resource, or an error with Twilio's error code). `answer` decides
 * each reply (default 201); `sent` lists what was accepted.
 */
export async function startFakeTwilio(answer: (call: FakeTwilioCall, n: number) => FakeTwilioReply = () => ({ status: 201 })) {
  const calls: FakeTwilioCall[] = [];
  const sent: (FakeTwilioCall & { sid: string })[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const expected = `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString("base64")}`;
      const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.method !== "POST" || path !== `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`) return json(404, { code: 20404, message: "The requested resource was not found", status: 404 });
      const form = new URLSearchParams(raw);
      const call: FakeTwilioCall = {
        to: form.get("To") ?? "", from: form.get("From") ?? undefined, messagingServiceSid: form.get("MessagingServiceSid") ?? undefined,
        body: form.get("Body") ?? "", statusCallback: form.get("StatusCallback") ?? undefined, authorised: req.headers.authorization === expected,
      };
      calls.push(call);
      if (!call.authorised) return json(401, { code: 20003, message: "Authenticate", status: 401 });
      const reply = answer(call, calls.length);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.status >= 300) return json(reply.status, { code: reply.code ?? 20500, message: `error ${reply.code ?? reply.status}`, more_info: "https://www.twilio.com/docs/errors", status: reply.status });
      const sid = `SM${randomBytes(16).toString("hex")}`;
      sent.push({ ...call, sid });
      json(201, { sid, account_sid: TEST_ACCOUNT_SID, to: call.to, from: call.from ?? null, body: call.body, status: "queued", num_segments: "1", direction: "outbound-api", api_version: "2010-04-01", uri: `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages/${sid}.json` });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, TWILIO_FROM: "+32460000000", TWILIO_BASE_URL: `http://127.0.0.1:${port}` });
  return {
    calls,
    sent,
    async stop() {
      for (const name of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_BASE_URL"]) delete process.env[name];
      await new Promise((r) => server.close(r));
    },
  };
}
