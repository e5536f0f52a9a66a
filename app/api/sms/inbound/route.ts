import { env } from "@/lib/env";
import { signedUrl } from "@/lib/sms/webhook-urls";
import { handleSmsInbound } from "@/lib/sms/webhooks";

export const dynamic = "force-dynamic";

/** Twilio's inbound messages webhook. The raw body is read as text: the signature covers its fields. */
export async function POST(request: Request) {
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!authToken) return new Response("Not found", { status: 404 });
  const answer = await handleSmsInbound({ url: signedUrl(request), signature: request.headers.get("x-twilio-signature"), body: await request.text(), authToken });
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.type ?? "text/plain; charset=utf-8" } });
}
