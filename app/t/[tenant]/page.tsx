import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { heroImage } from "@/lib/branding/hero";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { townPhone } from "@/lib/phone/normalize";
import { getTownCounters } from "@/lib/stats/town-counters";
import { currentTenant } from "@/lib/tenancy/current";
import { keepTogether } from "@/lib/text/keep-together";

export default async function TownHome() {
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, categories, counters] = await Promise.all([
    getTranslations("town"),
    listCategories(tenant, locale),
    getTownCounters(tenant),
  ]);
  const phone = townPhone(tenant);
  // A suspended town takes no new requests (the layout says so and gives the number).
  const suspended = tenant.status === "SUSPENDED";
  const hero = heroImage(tenant);
  return (
    <>
      <section aria-labelledby="hero" className="flex flex-col gap-4 rounded-card bg-brand-tint p-card sm:p-8">
        {hero && (
          // eslint-disable-next-line @next/next/no-img-element -- stored re-encoded in two widths (lib/branding/hero.ts); the browser picks one
          <img
            {...hero} sizes="(min-width: 1024px) 912px, calc(100vw - 5rem)" fetchPriority="high"
            className="h-auto w-full rounded-card bg-white object-cover" data-testid="town-hero"
          />
        )}
        <h1 id="hero" className="text-title font-extrabold sm:text-display">{t("heroTitle")}</h1>
        <p className="max-w-3xl text-lg">{t("heroText", { town: tenant.name })}</p>
        {tenant.mode === "DORMANT" && <p className="rounded bg-white p-3">{t("dormantNotice", { phone: phone.text })}</p>}
        <div className="flex flex-wrap gap-3">
          {!suspended && (
            <Link href="/request" prefetch={false} className="rounded-lg border-2 border-brand bg-brand px-5 py-3 text-lg font-bold text-white" data-testid="ask-help">{t("askHelpButton")}</Link>
          )}
          {!suspended && (
            <Link href="/volunteer" prefetch={false} className="rounded-lg border-2 border-brand bg-white px-5 py-3 text-lg font-bold text-brand">{t("volunteerButton")}</Link>
          )}
          <Link href="/requests" prefetch={false} className="rounded-lg border-2 border-brand bg-white px-5 py-3 text-lg font-bold text-brand">{t("openRequestsButton")}</Link>
        </div>
      </section>

      <section aria-labelledby="call" className="rounded-card border-4 border-brand bg-white p-card">
        <h2 id="call" className="text-heading font-bold">{t("callTitle")}</h2>
        <p>{t("callText")}</p>
        <a href={phone.href} className="mt-2 inline-block text-2xl font-extrabold text-brand underline sm:text-3xl" data-testid="town-phone">
          {t("callLink", { phone: phone.text })}
        </a>
      </section>

      <section aria-labelledby="categories" className="flex flex-col gap-3">
        <h2 id="categories" className="text-heading font-bold">{t("categoriesTitle")}</h2>
        {categories.length === 0 ? (
          <p>{t("categoriesEmpty")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="categories">
            {categories.map((c) => (
              <li key={c.id} className="rounded-lg border-l-4 border-brand bg-white p-3 font-semibold shadow-sm">{c.label}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="counters" className="flex flex-col gap-3">
        <h2 id="counters" className="text-heading font-bold">{t("countersTitle", { town: tenant.name })}</h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="counters">
          {(["requests", "volunteers", "responses"] as const).map((key) => (
            <div key={key} className="flex flex-col-reverse rounded-card bg-white p-4 shadow-sm">
              <dt>{t(key, { count: counters[key] })}</dt>
              <dd className="text-4xl font-extrabold text-brand" data-testid={`counter-${key}`}>{counters[key]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
