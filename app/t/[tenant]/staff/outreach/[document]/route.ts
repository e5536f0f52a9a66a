import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { notFoundResponse } from "@/lib/http/not-found";
import { DOCUMENTS, outreachPdf, type OutreachDocument } from "@/lib/outreach/download";
import { requestTenant } from "@/lib/tenancy/current";

type Context = { params: Promise<{ document: string }> };

export async function GET(request: Request, { params }: Context) {
  const { document } = await params;
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  await requireRole(tenant, ADMIN_ROLES);
  // Own keys only: "__proto__" or "constructor" are in every object.
  if (!Object.hasOwn(DOCUMENTS, document)) return notFoundResponse();
  return outreachPdf(tenant, document as OutreachDocument, new URL(request.url).searchParams.get("lang"));
}
