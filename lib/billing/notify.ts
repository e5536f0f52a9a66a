import type { TemplateData } from "@/lib/email/templates";
import { givenAddress } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import type { TenantDb } from "@/lib/tenancy/for-tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { BILLING_SETTINGS_PATH } from "./plans";

type Db = Pick<TenantDb, "membership" | "outboxEmail" | "outboxPush" | "notification" | "tenant" | "$executeRaw">;
type BillingTemplate = "trial-ending" | "payment-failed" | "suspended";

export const billingUrl = (slug: string) => publicTownUrl(slug, BILLING_SETTINGS_PATH);

/** Queues a billing e-mail to each of the town's admins, in the caller's transaction. */
export async function emailAdmins<N extends BillingTemplate>(
  db: Db,
  tenant: { id: string; defaultLocale: string },
  template: N,
  data: TemplateData<N>,
): Promise<number> {
  const admins = await db.membership.findMany({
    where: { tenantId: tenant.id, role: "ADMIN", user: { blockedAt: null } },
    select: { user: { select: { email: true } } },
  });
  for (const { user } of admins) {
    await notify(db, tenant, { to: givenAddress(user.email), template, locale: tenant.defaultLocale, data });
  }
  return admins.length;
}
