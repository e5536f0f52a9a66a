import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { currentMember } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { notFoundResponse } from "@/lib/http/not-found";
import { pushEnabled } from "@/lib/notifications/push-config";
import { requestTenant } from "@/lib/tenancy/current";

/**
 * The volunteer page's push routes (POST /volunteer/push and /volunteer/push/stop):
 * JSON from the page's own script, same-site only (the proxy refuses other
 * origins' posts). No keys, no push: as if the routes did not exist; nobody
 * signed in, or no volunteer profile in this town: 404; a body that is not
 * the browser's subscription: a translated 400.
 */
export async function pushRoute<S extends z.ZodType>(request: Request, schema: S, run: (tenant: { id: string }, userId: string, input: z.output<S>) => Promise<void>, status: number) {
  const tenant = await requestTenant();
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
