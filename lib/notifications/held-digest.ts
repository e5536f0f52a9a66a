import { renderRow } from "@/lib/email/dispatch";
import { isTemplateName } from "@/lib/email/templates";
import { prisma } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { systemDb } from "@/lib/tenancy/system";

/**
 * Notifications held back by the daily cap go out as one digest per
 * recipient and town. Runs daily; each held row is digested once.
 */
export async function sendDigests(now = new Date()): Promise<number> {
  const groups = await systemDb.outboxEmail.groupBy({ by: ["tenantId", "to", "locale"], where: { status: "HELD" } });
  let digests = 0;
  for (const g of groups) {
    if (!g.tenantId) continue;
    const tenant = await prisma.tenant.findUnique({ where: { id: g.tenantId }, select: { id: true, slug: true, name: true, primaryColor: true, phone: true } });
    if (!tenant) continue;
    await forTenant(g.tenantId).$transaction(async (tx) => {
      const held = await tx.outboxEmail.findMany({ where: { tenantId: g.tenantId, to: g.to, locale: g.locale, status: "HELD" }, orderBy: { createdAt: "asc" } });
      const claimed = await tx.outboxEmail.updateMany({ where: { id: { in: held.map((h) => h.id) }, status: "HELD" }, data: { status: "DIGESTED" } });
      if (claimed.count !== held.length || held.length === 0) throw new Error("digest raced with another worker");
      const items: string[] = [];
      for (const h of held) {
        if (isTemplateName(h.template)) items.push((await renderRow(h, tenant)).subject);
      }
      // Held mail passed consent and address checks when it was queued; the digest answers it.
      await notify(tx, tenant, {
        to: { email: { value: g.to, consent: true, verified: true } }, template: "volunteer-digest", locale: g.locale,
        data: { items, url: publicTownUrl(tenant.slug, "/requests") },
      }, now);
      digests++;
    }).catch((error: Error) => {
      if (error.message !== "digest raced with another worker") throw error;
    });
  }
  return digests;
}
