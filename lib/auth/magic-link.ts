import { createElement } from "react";
import { getLocale } from "next-intl/server";
import { MagicLinkEmail } from "@/emails/magic-link";
import { deliver } from "@/lib/email/deliver";
import { emailTranslator, renderEmail } from "@/lib/email/render";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { parseHost } from "@/lib/tenancy/parse-host";
import { resolveTenant } from "@/lib/tenancy/resolve";

async function tenantForUrl(url: string) {
  const match = parseHost(new URL(url).host, env().ROOT_DOMAIN);
  if (match.kind === "tenant") return resolveTenant(match.slug);
  if (match.kind === "custom") return resolveTenant(match.host);
  return null;
}

/** Sends the sign-in link, branded as the town whose site it was asked on. */
export async function sendMagicLink(params: { identifier: string; url: string; expires: Date }) {
  const tenant = await tenantForUrl(params.url);
  // Runs inside the sign-in request, so the visitor's language is known.
  const requested = await getLocale().catch(() => undefined);
  const locale: Locale = isLocale(requested) ? requested : (tenant?.defaultLocale ?? "en");
  const brand = tenant ?? { name: "Helpt", primaryColor: "#1d4ed8", phone: null };
  const t = await emailTranslator(locale);
  const minutes = Math.max(1, Math.round((params.expires.getTime() - Date.now()) / 60_000));
  const { html, text } = await renderEmail(
    createElement(MagicLinkEmail, { t, locale, brand, url: params.url, minutes }),
  );
  await deliver({ to: params.identifier, subject: t("magicLink.subject", { town: brand.name }), html, text });
}
