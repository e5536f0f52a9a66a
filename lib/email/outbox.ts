import type { TemplateData, TemplateName } from "@/lib/email/templates";
import type { TenantDb } from "@/lib/tenancy/for-tenant";
import { DAY_MS } from "@/lib/dates/durations";

type Db = Pick<TenantDb, "outboxEmail" | "tenant" | "$executeRaw">;

export type QueuedEmail<N extends TemplateName> = {
  tenantId: string | null;
  template: N;
  locale: string;
  to: string;
  data: TemplateData<N>;
  kind?: "TRANSACTIONAL" | "NOTIFICATION";
};

/**
 * Queues an e-mail. Pass the transaction of the change that causes it: the
 * mail then exists exactly when the change does. Notifications beyond the
 * town's daily cap for this recipient are held for the next digest.
 */
export async function enqueueEmail<N extends TemplateName>(db: Db, email: QueuedEmail<N>, now = new Date()) {
  const to = email.to.trim().toLowerCase();
  let status: "PENDING" | "HELD" = "PENDING";
  if (email.kind === "NOTIFICATION" && email.tenantId) {
    // Serialise per recipient so two concurrent notifications cannot both slip under the cap.
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${to}))`;
    const tenant = await db.tenant.findUnique({ where: { id: email.tenantId }, select: { emailsPerDay: true } });
    const recent = await db.outboxEmail.count({
      where: {
        tenantId: email.tenantId, to, kind: "NOTIFICATION",
        status: { in: ["PENDING", "SENT"] }, createdAt: { gte: new Date(now.getTime() - DAY_MS) },
      },
    });
    if (recent >= (tenant?.emailsPerDay ?? 0)) status = "HELD";
  }
  return db.outboxEmail.create({
    data: {
      tenantId: email.tenantId, template: email.template, kind: email.kind ?? "TRANSACTIONAL",
      locale: email.locale, to, data: email.data as object, status, createdAt: now,
    },
  });
}
