import { getTranslations } from "next-intl/server";
import { OrganisationForm, VacancyForm } from "@/components/volunteers/organisation-forms";
import { requireRole } from "@/lib/auth/guard";
import { formatPhone } from "@/lib/phone/normalize";
import { closeVacancyAction } from "@/lib/organisations/actions";
import { ownOrganisation, vacanciesWithApplicants } from "@/lib/organisations/vacancies";
import { currentTenant } from "@/lib/tenancy/current";

/** A partner organisation (care home, social services…) posts vacancies and sees who applied. */
export default async function OrganisationHome() {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ["ORGANISATION"]);
  const [t, org, vacancies] = await Promise.all([getTranslations("organisation"), ownOrganisation(tenant, member.userId), vacanciesWithApplicants(tenant, member.userId)]);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="org" className="flex flex-col gap-3">
        <h1 id="org" className="text-3xl font-bold">{org?.name ?? t("title")}</h1>
        <OrganisationForm organisation={org ?? undefined} />
      </section>
      {org && (
        <>
          <section aria-labelledby="new-vacancy" className="flex flex-col gap-3 rounded bg-white p-4 shadow-sm">
            <h2 id="new-vacancy" className="text-2xl font-bold">{t("newVacancy")}</h2>
            <VacancyForm />
          </section>
          <section aria-labelledby="own-vacancies" className="flex flex-col gap-3">
            <h2 id="own-vacancies" className="text-2xl font-bold">{t("vacancies")}</h2>
            {vacancies.length === 0 ? <p>{t("noVacancies")}</p> : (
              <ul className="flex flex-col gap-3" data-testid="own-vacancies">
                {vacancies.map((v) => (
                  <li key={v.id} className="rounded bg-white p-4 shadow-sm">
                    <h3 className="text-lg font-bold">{v.title} {v.status === "CLOSED" && <span className="text-sm">({t("closed")})</span>}</h3>
                    <p>{t("applicants", { count: v.applications.length, places: v.places })}</p>
                    <ul className="list-disc pl-6">
                      {v.applications.map((a) => (
                        <li key={a.id}>{a.volunteer.name} · <a href={`tel:${a.volunteer.phone}`} className="underline">{formatPhone(a.volunteer.phone, tenant.country)}</a>{a.message && ` — “${a.message}”`}</li>
                      ))}
                    </ul>
                    {v.status === "OPEN" && (
                      <form action={closeVacancyAction.bind(null, v.id)}>
                        <button type="submit" className="mt-2 rounded border-2 border-brand px-3 py-1 font-semibold text-brand">{t("close")}</button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
