import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { currentMember } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { notFoundResponse } from "@/lib/http/not-found";
import { pushEnabled } from "@/lib/notifications/push-config";
import { pushEndpointSchema, pushSubscriptionSchema } from "@/lib/push/schemas";
import { removePushSubscription, savePushSubscription } from "@/lib/push/subscriptions";
import { requestTenant } from "@/lib/tenancy/current";

// The volunteer page's "Notify me on this device" (components/volunteers/push-control.tsx)
// posts the browser's subscription here as JSON; the proxy only lets same-site posts through.

/** Subscribes this browser to the signed-in volunteer's notifications in this town. */
export async function POST(request: Request) {
  return handle(request, pushSubscriptionSchema, (tenant, userId, input) => savePushSubscription(tenant, userId, input), 201);
}

/** "Stop": forgets this browser. */
export async function DELETE(request: Request) {
  return handle(request, pushEndpointSchema, (tenant, userId, input) => removePushSubscription(tenant, userId, input.endpoint), 204);
}

async function handle<S extends z.ZodType>(request: Request, schema: S, run: (tenant: { id: string }, userId: string, input: z.output<S>) => Promise<void>, status: number) {
  const tenant = await requestTenant();
  // No keys, no push: as if the route did not exist. Nobody signed in, or no volunteer here: nothing to subscribe.
  if (!tenant || !pushEnabled()) return notFoundResponse();
  const member = await currentMember(tenant);
  if (!member) return notFoundResponse();
  const t = await getTranslations("volunteer.push");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: t("invalid") }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return Response.json({ error: t("invalid") }, { status: 400 });
  try {
    await run(tenant, member.userId, parsed.data);
  } catch (error) {
    if (error instanceof NotFoundInTenant) return notFoundResponse();
    throw error;
  }
  return new Response(null, { status, headers: { "cache-control": "no-store" } });
}
