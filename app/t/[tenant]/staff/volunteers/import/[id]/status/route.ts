import { COORDINATOR_ROLES, requireRole } from "@/lib/auth/guard";
import { NotFoundInTenant } from "@/lib/errors";
import { importProgress } from "@/lib/imports/jobs";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

/** An import's counts as JSON, for its page's poller (the page itself shows the same on a reload). */
export async function GET(_request: Request, { params }: Props) {
  const tenant = await currentTenant();
  await requireRole(tenant, COORDINATOR_ROLES);
  const { id } = await params;
  const headers = { "cache-control": "no-store" };
  try {
    return Response.json(await importProgress(tenant, id.slice(0, 64)), { headers });
  } catch (error) {
    if (error instanceof NotFoundInTenant) return Response.json({ error: "notFound" }, { status: 404, headers });
    throw error;
  }
}
