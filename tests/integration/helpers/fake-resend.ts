import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";

export type FakeResendCall = { idempotencyKey?: string; to: string[]; subject: string; text: string; from: string; replyTo?: string };

export type FakeResendReply = { status: number; retryAfter?: number; delayMs?: number; replyLost?: boolean; message?: string };

/**
 * A local HTTP server speaking Resend's `POST /emails`. `answer` decides the
 * reply to each call (status, optional retry-after); default 200. Like Resend,
 * an accepted message is sent once per idempotency key: a repeat gets the
 * first id back and is not sent again (`sent` lists what really went out).
 * `replyLost` accepts the message, then cuts the connection before replying.
 */
export async function startFakeResend(answer: (call: FakeResendCall, n: number) => FakeResendReply = () => ({ status: 200 })) {
  const calls: FakeResendCall[] = [];
  const sent: FakeResendCall[] = [];
  const ids = new Map<string, string>();
  // Unique across fakes, as Resend's ids are (webhooks name a message by it).
  const instance = randomBytes(4).toString("hex");
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const payload = JSON.parse(body);
      const call = { idempotencyKey: req.headers["idempotency-key"] as string | undefined, to: payload.to, subject: payload.subject, text: payload.text, from: payload.from, replyTo: payload.reply_to };
      calls.push(call);
      const reply = answer(call, calls.length);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      let id: string | undefined;
      if (reply.status < 300) {
        id = call.idempotencyKey ? ids.get(call.idempotencyKey) : undefined;
        if (!id) {
          id = `re_${instance}_${calls.length}`;
          sent.push(call);
          if (call.idempotencyKey) ids.set(call.idempotencyKey, id);
        }
      }
      if (reply.replyLost) return void req.socket.destroy();
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (reply.retryAfter) headers["retry-after"] = String(reply.retryAfter);
      // Resend's error body names the status itself; its SDK reads it from there.
      res.writeHead(reply.status, headers).end(JSON.stringify(id ? { id } : { statusCode: reply.status, name: "application_error", message: reply.message ?? "nope" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${port}`;
  return {
    calls,
    sent,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      await new Promise((r) => server.close(r));
    },
  };
}
