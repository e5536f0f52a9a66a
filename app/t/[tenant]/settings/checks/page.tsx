import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CheckTermsForm, RequiredChecksForm } from "@/components/checks/check-forms";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { vacancyChecksAction } from "@/lib/checks/actions";
import { CHECK_KINDS } from "@/lib/checks/kinds";
import { townCheckTerms, vacanciesWithChecks } from "@/lib/checks/policy";
import { currentTenant } from "@/lib/tenancy/current";

/**
 * A town admin's checks: per kind, how long a confirmation holds, the name of
 * the record extract the town asks for and the training module's text; and
 * which checks each open partner vacancy needs (categories: their own page).
 */
export default async function CheckSettings() {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const [t, terms, vacancies] = await Promise.all([getTranslations("checks"), townCheckTerms(tenant), vacanciesWithChecks(tenant)]);
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/settings" className="underline">{t("backToSettings")}</Link></p>
      <h1 className="text-3xl font-bold">{t("settingsTitle")}</h1>
      <p className="max-w-3xl">{t("settingsIntro")}</p>
      <p><Link href="/settings/categories" className="underline">{t("perCategory")}</Link></p>
      {CHECK_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className={card}>
          <h2 id={`kind-${kind}`} className="text-xl font-bold">{t(`kinds.${kind}`)}</h2>
          <p className="max-w-3xl">{t(`explain.${kind}`)}</p>
          <CheckTermsForm {...terms[kind]} />
        </section>
      ))}
      <section aria-labelledby="vacancy-checks" className={card}>
        <h2 id="vacancy-checks" className="text-xl font-bold">{t("vacanciesTitle")}</h2>
        {vacancies.length === 0 ? <p>{t("noVacancies")}</p> : (
          <ul className="flex flex-col gap-4" data-testid="vacancy-checks">
            {vacancies.map((v) => (
              <li key={v.id} className="flex min-w-0 flex-col gap-2 border-t border-zinc-200 pt-3">
                <p className="font-semibold">{v.title} · {v.organisation.name}</p>
                <RequiredChecksForm action={vacancyChecksAction.bind(null, v.id)} kinds={v.requiredChecks} id={`vacancy-${v.id}`} label={t("requiredFor", { name: v.title })} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
