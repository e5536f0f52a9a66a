import { getLocale } from "next-intl/server";
import { deliver } from "@/lib/email/deliver";
import { renderTemplate } from "@/lib/email/render";
import { baseLocale, type Locale } from "@/lib/i18n/locales";
import { currentSite, type Site } from "@/lib/tenancy/site";
import { MINUTE_MS } from "@/lib/dates/durations";

/**
 * Auth.js's link with its origin — and the origin of the page it returns to —
 * replaced by the site's as the database knows it: whatever Host or forwarded
 * header reached Auth.js, the token goes to the town's own address only.
 */
export function onSiteOrigin(url: string, site: Site): string {
  const link = new URL(url);
  const target = new URL(`${link.pathname}${link.search}`, site.origin);
  const callback = target.searchParams.get("callbackUrl");
  if (callback !== null) {
    let path = "/";
    try {
      const parsed = new URL(callback, site.origin);
      path = `${parsed.pathname}${parsed.search}`;
    } catch {
      // a malformed callback returns home
    }
    target.searchParams.set("callbackUrl", new URL(path, site.origin).href);
  }
  return target.href;
}

/**
 * Sends the sign-in link, branded as the town whose site it was asked on.
 * Sent at once rather than through the outbox: the person is waiting for it,
 * and a link that arrives late has expired anyway.
 */
export async function sendMagicLink(params: { identifier: string; url: string; expires: Date }) {
  const site = await currentSite();
  if (!site) throw new Error("sign-in link asked on a host that names no site");
  const tenant = site.tenant;
  const requested = await getLocale().catch(() => undefined);
  const locale: Locale = baseLocale(requested) ?? tenant?.defaultLocale ?? "en";
  const brand = tenant ?? { name: "Helpt", primaryColor: "#1d4ed8", phone: null };
  const minutes = Math.max(1, Math.round((params.expires.getTime() - Date.now()) / MINUTE_MS));
  const mail = await renderTemplate("magic-link", locale, brand, { url: onSiteOrigin(params.url, site), minutes });
  await deliver({ ...mail, to: params.identifier });
}
