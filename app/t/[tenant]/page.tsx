import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { townPhone } from "@/lib/phone/normalize";
import { getTownCounters } from "@/lib/stats/town-counters";
import { currentTenant } from "@/lib/tenancy/current";

export default async function TownHome({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await currentTenant((await params).tenant);
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, categories, counters] = await Promise.all([
    getTranslations("town"),
    listCategories(tenant, locale),
    getTownCounters(tenant),
  ]);
  const phone = townPhone(tenant);
  return (
    <>
      <section aria-labelledby="hero" className="flex flex-col gap-3">
        <h1 id="hero" className="text-4xl font-extrabold">{t("heroTitle")}</h1>
        <p className="max-w-3xl text-lg">{t("heroText", { town: tenant.name })}</p>
        {tenant.mode === "DORMANT" && <p className="rounded bg-white p-3">{t("dormantNotice", { phone: phone.text })}</p>}
        <div className="flex flex-wrap gap-3">
          <Link href="/request" className="rounded bg-brand px-5 py-3 text-lg font-bold text-white">{t("askHelpButton")}</Link>
          <Link href="/volunteer" className="rounded border-2 border-brand bg-white px-5 py-3 text-lg font-bold text-brand">{t("volunteerButton")}</Link>
          <Link href="/requests" className="rounded border-2 border-brand bg-white px-5 py-3 text-lg font-bold text-brand">{t("openRequestsButton")}</Link>
        </div>
      </section>

      <section aria-labelledby="call" className="rounded-lg border-4 border-brand bg-white p-5">
        <h2 id="call" className="text-2xl font-bold">{t("callTitle")}</h2>
        <p>{t("callText")}</p>
        <a href={phone.href} className="mt-2 inline-block text-3xl font-extrabold text-brand underline" data-testid="town-phone">
          {t("callLink", { phone: phone.text })}
        </a>
      </section>

      <section aria-labelledby="categories" className="flex flex-col gap-3">
        <h2 id="categories" className="text-2xl font-bold">{t("categoriesTitle")}</h2>
        {categories.length === 0 ? (
          <p>{t("categoriesEmpty")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="categories">
            {categories.map((c) => (
              <li key={c.id} className="rounded border-l-4 border-brand bg-white p-3 font-semibold shadow-sm">{c.label}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="counters" className="flex flex-col gap-3">
        <h2 id="counters" className="text-2xl font-bold">{t("countersTitle", { town: tenant.name })}</h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="counters">
          {(["requests", "volunteers", "responses"] as const).map((key) => (
            <div key={key} className="flex flex-col-reverse rounded bg-white p-4 shadow-sm">
              <dt>{t(key, { count: counters[key] })}</dt>
              <dd className="text-4xl font-extrabold" data-testid={`counter-${key}`}>{counters[key]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
