import { createElement } from "react";
import { RequestReceivedEmail } from "@/emails/request-received";
import { deliver } from "@/lib/email/deliver";
import { emailTranslator, renderEmail } from "@/lib/email/render";
import { isLocale } from "@/lib/i18n/locales";
import type { TenantContext } from "@/lib/tenancy/resolve";

/** Confirms a request to a resident who left an e-mail address. */
export async function sendRequestReceived(tenant: TenantContext, to: string, reference: string, locale: string) {
  const lang = isLocale(locale) ? locale : tenant.defaultLocale;
  const t = await emailTranslator(lang);
  const { html, text } = await renderEmail(createElement(RequestReceivedEmail, { t, locale: lang, brand: tenant, reference }));
  await deliver({ to, subject: t("requestReceived.subject", { town: tenant.name, reference }), html, text, idempotencyKey: `request-received:${tenant.id}:${reference}` });
}
