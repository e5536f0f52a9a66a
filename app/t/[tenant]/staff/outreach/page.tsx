import { getTranslations } from "next-intl/server";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { currentTenant } from "@/lib/tenancy/current";

/** Printable material for residents without internet: the 80+ letter and a poster. */
export default async function OutreachKit() {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const t = await getTranslations("outreachPage");
  return (
    <section aria-labelledby="outreach" className="flex flex-col gap-4">
      <h1 id="outreach" className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      {(["letter", "poster"] as const).map((doc) => (
        <section key={doc} aria-labelledby={`doc-${doc}`} className="rounded bg-white p-4 shadow-sm">
          <h2 id={`doc-${doc}`} className="text-xl font-bold">{t(`${doc}Title`)}</h2>
          <p className="mb-2">{t(`${doc}Text`)}</p>
          <ul className="flex flex-wrap gap-3">
            {tenant.locales.map((l) => (
              <li key={l}>
                <a href={`/staff/outreach/${doc}?lang=${l}`} download className="inline-block rounded bg-brand px-4 py-2 font-bold text-white" lang={l}>
                  {t("download", { language: LOCALE_NAMES[l] })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
