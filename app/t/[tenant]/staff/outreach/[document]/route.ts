import { notFound } from "next/navigation";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { DOCUMENTS, outreachPdf, type OutreachDocument } from "@/lib/outreach/download";
import { currentTenant } from "@/lib/tenancy/current";

type Context = { params: Promise<{ tenant: string; document: string }> };

export async function GET(request: Request, { params }: Context) {
  const { tenant: key, document } = await params;
  const tenant = await currentTenant(key);
  await requireRole(tenant, ADMIN_ROLES);
  if (!(document in DOCUMENTS)) notFound();
  return outreachPdf(tenant, document as OutreachDocument, new URL(request.url).searchParams.get("lang"));
}
