import { getFormatter, getTranslations } from "next-intl/server";
import { distinctByName } from "@/lib/signup/town-name";
import { townDirectory } from "@/lib/tenancy/directory";
import { publicTownUrl } from "@/lib/tenancy/urls";

/** Leuven Helpt, spring 2020: the figures the platform grew from. */
const LEUVEN_2020 = { figureVolunteers: 1490, figureResponses: 3322, figureRequests: 120, figureTowns: 170 } as const;

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function ApexHome({ searchParams }: Props) {
  const { page } = await searchParams;
  const [t, format, directory] = await Promise.all([getTranslations("apex"), getFormatter(), townDirectory(Number(typeof page === "string" ? page : 1))]);
  const { towns } = directory;
  const roles = [
    { title: t("forResidentsTitle"), text: [t("howResidents")] },
    { title: t("forVolunteersTitle"), text: [t("howVolunteers")] },
    { title: t("forStaffTitle"), text: [t("howStaff"), t("howStaffMore")] },
  ];
  return (
    <>
      <section aria-labelledby="hero" className="flex flex-col gap-4 rounded-card bg-brand-tint p-card sm:p-8">
        <h1 id="hero" className="text-title font-extrabold sm:text-display">{t("heroTitle")}</h1>
        <p className="max-w-3xl text-lg">{t("heroText")}</p>
        <p><a href="/start" className="inline-block rounded-lg bg-brand px-5 py-3 text-lg font-bold text-white">{t("startCta")}</a></p>
      </section>

      <section aria-labelledby="story" className="flex flex-col gap-4">
        <h2 id="story" className="text-heading font-bold">{t("storyTitle")}</h2>
        <p className="max-w-3xl">{t("storyText")}</p>
        <dl aria-label={t("figuresLabel")} className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="figures">
          {Object.entries(LEUVEN_2020).map(([key, value]) => (
            <div key={key} className="flex flex-col-reverse rounded-card bg-white p-4 shadow-sm">
              <dt>{t(key as keyof typeof LEUVEN_2020)}</dt>
              <dd className="text-3xl font-extrabold text-brand">{key === "figureTowns" ? `~${format.number(value)}` : format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="how" className="flex flex-col gap-4">
        <h2 id="how" className="text-heading font-bold">{t("howTitle")}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {roles.map((role) => (
            <section key={role.title} className="flex flex-col gap-2 rounded-card border-t-4 border-brand bg-white p-card shadow-sm">
              <h3 className="text-xl font-bold">{role.title}</h3>
              {role.text.map((p) => <p key={p}>{p}</p>)}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="cta" className="flex flex-col gap-3 rounded-card bg-brand p-card text-white sm:p-8">
        <h2 id="cta" className="text-heading font-bold">{t("ctaTitle")}</h2>
        <p className="max-w-3xl">{t("ctaText")}</p>
        <p><a href="/start" className="inline-block rounded-lg bg-white px-5 py-3 text-lg font-bold text-brand">{t("startCta")}</a></p>
      </section>

      <section aria-labelledby="towns-title" id="towns" className="flex flex-col gap-3">
        <h2 id="towns-title" className="text-heading font-bold">{t("directoryTitle")}</h2>
        {towns.length === 0 ? (
          <p>{t("directoryEmpty")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="town-directory">
            {distinctByName(towns).map((town) => (
              <li key={town.slug} className="rounded-lg border-l-8 bg-white p-4 shadow-sm" style={{ borderColor: town.primaryColor }}>
                <a href={publicTownUrl(town.slug)} className="text-lg font-semibold text-brand underline">
                  {t("visitTown", { town: town.name })}
                </a>
              </li>
            ))}
          </ul>
        )}
        {directory.pages > 1 && (
          <nav aria-label={t("directoryPages")} className="flex items-center gap-4" data-testid="directory-pages">
            {directory.page > 1 && <a href={`/?page=${directory.page - 1}#towns`} rel="prev" className="font-semibold text-brand underline">{t("directoryPrevious")}</a>}
            <span>{t("directoryPage", { page: directory.page, pages: directory.pages })}</span>
            {directory.page < directory.pages && <a href={`/?page=${directory.page + 1}#towns`} rel="next" className="font-semibold text-brand underline">{t("directoryNext")}</a>}
          </nav>
        )}
      </section>
    </>
  );
}
