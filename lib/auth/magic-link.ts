import { getLocale } from "next-intl/server";
import { deliver } from "@/lib/email/deliver";
import { renderTemplate } from "@/lib/email/render";
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

/**
 * Sends the sign-in link, branded as the town whose site it was asked on.
 * Sent at once rather than through the outbox: the person is waiting for it,
 * and a link that arrives late has expired anyway.
 */
export async function sendMagicLink(params: { identifier: string; url: string; expires: Date }) {
  const tenant = await tenantForUrl(params.url);
  const requested = await getLocale().catch(() => undefined);
  const locale: Locale = isLocale(requested) ? requested : (tenant?.defaultLocale ?? "en");
  const brand = tenant ?? { name: "Helpt", primaryColor: "#1d4ed8", phone: null };
  const minutes = Math.max(1, Math.round((params.expires.getTime() - Date.now()) / 60_000));
  const mail = await renderTemplate("magic-link", locale, brand, { url: params.url, minutes });
  await deliver({ ...mail, to: params.identifier });
}
