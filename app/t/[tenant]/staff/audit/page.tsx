import { SearchForm } from "@/components/forms/search-form";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAudit } from "@/lib/audit/log";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ q?: string }> };

/** The town admin sees who viewed or changed residents' personal data. */
export default async function AuditLogPage({ params, searchParams }: Props) {
  const tenant = await currentTenant((await params).tenant);
  await requireRole(tenant, ADMIN_ROLES);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const [t, format, entries] = await Promise.all([getTranslations("audit"), getFormatter(), listAudit(tenant, { q: query })]);
  return (
    <section aria-labelledby="audit" className="flex flex-col gap-4">
      <h1 id="audit" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <SearchForm label={t("searchLabel")} button={t("search")} value={query} />
      {entries.length === 0 ? <p>{t("empty")}</p> : (
        <table className="w-full border-collapse bg-white text-left shadow-sm" data-testid="audit">
          <thead>
            <tr className="border-b-2 border-zinc-700">
              <th scope="col" className="p-2">{t("when")}</th>
              <th scope="col" className="p-2">{t("who")}</th>
              <th scope="col" className="p-2">{t("action")}</th>
              <th scope="col" className="p-2">{t("subject")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-zinc-200">
                <td className="p-2">{format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td className="p-2">{e.actor?.email ?? t("resident")}</td>
                <td className="p-2 font-mono">{e.action}</td>
                <td className="p-2 font-mono">{e.subjectType} {e.subjectId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
