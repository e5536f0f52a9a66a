import type { TemplateData, TemplateName } from "@/lib/email/templates";
import { notify } from "@/lib/notifications/notify";

/**
 * One e-mail through notify(), the only writer of the outbox, to a confirmed
 * address that agreed to mail: for tests of the outbox's own machinery.
 */
export async function queueEmail<N extends TemplateName>(
  db: Parameters<typeof notify>[0],
  email: { tenantId: string; template: N; locale: string; to: string; data: TemplateData<N>; kind?: "TRANSACTIONAL" | "NOTIFICATION" },
  now?: Date,
): Promise<{ id: string }> {
  const [delivery] = await notify(db, { id: email.tenantId }, {
    to: { email: { value: email.to, consent: true, verified: true } }, template: email.template, locale: email.locale, data: email.data, kind: email.kind,
  }, now);
  return { id: delivery.outboxId! };
}
