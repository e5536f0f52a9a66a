import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { PLATFORM_TIME_ZONE } from "@/lib/dates/zoned";
import { formatLocale, LOCALE_COOKIE, LOCALES, pickLocale } from "@/lib/i18n/locales";
import { requestTenant } from "@/lib/tenancy/current";

// No locale in the URL: a town's site speaks the visitor's chosen language
// (cookie, per host) among the languages that town enabled.
export default getRequestConfig(async () => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const tenant = await requestTenant();
  const locale = pickLocale({
    cookie: c.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
    enabled: tenant?.locales ?? LOCALES,
    fallback: tenant?.defaultLocale ?? "en",
  });
  // Dates and times read as the town's clock, whatever the server's zone (the apex: Brussels, the platform's home),
  // in European order: next-intl formats with the region tag ("en-GB"); currentLocale() gives back the language.
  return { locale: formatLocale(locale), timeZone: tenant?.timeZone ?? PLATFORM_TIME_ZONE, messages: (await import(`../messages/${locale}.json`)).default };
});
