import { getTranslations } from "next-intl/server";
import { townDirectory } from "@/lib/tenancy/directory";
import { publicTownUrl } from "@/lib/tenancy/urls";

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function ApexHome({ searchParams }: Props) {
  const { page } = await searchParams;
  const [t, directory] = await Promise.all([getTranslations("apex"), townDirectory(Number(typeof page === "string" ? page : 1))]);
  const { towns } = directory;
  return (
    <>
      <section aria-labelledby="hero" className="flex flex-col gap-3">
        <h1 id="hero" className="text-4xl font-extrabold">{t("heroTitle")}</h1>
        <p className="max-w-3xl text-lg">{t("heroText")}</p>
        <p><a href="/start" className="inline-block rounded bg-blue-900 px-5 py-3 text-lg font-bold text-white">{t("startCta")}</a></p>
      </section>
      <section aria-labelledby="how" className="flex flex-col gap-2">
        <h2 id="how" className="text-2xl font-bold">{t("howTitle")}</h2>
        <ul className="list-disc pl-6">
          <li>{t("howResidents")}</li>
          <li>{t("howVolunteers")}</li>
          <li>{t("howStaff")}</li>
        </ul>
      </section>
      <section aria-labelledby="towns" className="flex flex-col gap-3">
        <h2 id="towns" className="text-2xl font-bold">{t("directoryTitle")}</h2>
        {towns.length === 0 ? (
          <p>{t("directoryEmpty")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="town-directory">
            {towns.map((town) => (
                <li key={town.slug} className="rounded border-l-8 bg-white p-4 shadow-sm" style={{ borderColor: town.primaryColor }}>
                  <a href={publicTownUrl(town.slug)} className="text-lg font-semibold text-blue-900 underline">
                    {t("visitTown", { town: town.name })}
                  </a>
                </li>
            ))}
          </ul>
        )}
        {directory.pages > 1 && (
          <nav aria-label={t("directoryPages")} className="flex items-center gap-4" data-testid="directory-pages">
            {directory.page > 1 && <a href={`/?page=${directory.page - 1}#towns`} rel="prev" className="font-semibold text-blue-900 underline">{t("directoryPrevious")}</a>}
            <span>{t("directoryPage", { page: directory.page, pages: directory.pages })}</span>
            {directory.page < directory.pages && <a href={`/?page=${directory.page + 1}#towns`} rel="next" className="font-semibold text-blue-900 underline">{t("directoryNext")}</a>}
          </nav>
        )}
      </section>
    </>
  );
}
