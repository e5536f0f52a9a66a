import { env } from "@/lib/env";
import { handleEmailWebhook } from "@/lib/email/webhook";

export const dynamic = "force-dynamic";

/** Resend's bounce/complaint webhook. The raw body is read as text: the signature covers its exact bytes. */
export async function POST(request: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response("Not found", { status: 404 });
  const h = request.headers;
  const { status, body } = await handleEmailWebhook(await request.text(), { id: h.get("svix-id"), timestamp: h.get("svix-timestamp"), signature: h.get("svix-signature") }, secret);
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
