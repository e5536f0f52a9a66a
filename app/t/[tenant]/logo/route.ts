import { prisma } from "@/lib/db/client";
import { notFoundResponse } from "@/lib/http/not-found";
import { resolveTenant } from "@/lib/tenancy/resolve";

/** A town's uploaded logo (stored in the database; type checked on upload). */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await resolveTenant(decodeURIComponent((await params).tenant));
  const row = tenant && (await prisma.tenant.findUnique({ where: { id: tenant.id }, select: { logo: true, logoType: true } }));
  if (!row?.logo || !row.logoType) return notFoundResponse();
  return new Response(new Uint8Array(row.logo), {
    headers: { "content-type": row.logoType, "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" },
  });
}
