import { SearchForm } from "@/components/forms/search-form";
import { UndeliverableBadge } from "@/components/ui/undeliverable-badge";
import { getTranslations } from "next-intl/server";
import { COORDINATOR_ROLES, hasRole, requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { blockVolunteerAction } from "@/lib/matching/actions";
import { currentTenant } from "@/lib/tenancy/current";
import { listVolunteers } from "@/lib/volunteers/admin";

type Props = { searchParams: Promise<{ q?: string }> };

export default async function Volunteers({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const [t, tv, rows] = await Promise.all([getTranslations("volunteersAdmin"), getTranslations("volunteer"), listVolunteers(tenant, { q: query })]);
  const canBlock = hasRole(member, COORDINATOR_ROLES);
  return (
    <section aria-labelledby="volunteers" className="flex flex-col gap-4">
      <h1 id="volunteers" className="text-3xl font-bold">{t("title")}</h1>
      <SearchForm label={t("search")} button={t("searchButton")} value={query} />
      <p role="status">{t("count", { count: rows.length })}</p>
      <table className="w-full border-collapse bg-white text-left shadow-sm" data-testid="volunteers">
        <thead>
          <tr className="border-b-2 border-zinc-700">
            <th scope="col" className="p-2">{t("name")}</th>
            <th scope="col" className="p-2">{t("postcode")}</th>
            <th scope="col" className="p-2">{t("status")}</th>
            <th scope="col" className="p-2">{t("recent")}</th>
            <th scope="col" className="p-2">{t("skills")}</th>
            {canBlock && <th scope="col" className="p-2"><span className="sr-only">{t("actions")}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.id} className="border-b border-zinc-200">
              <td className="p-2 font-semibold">{v.name}{v.emailUndeliverable && <UndeliverableBadge />}</td>
              <td className="p-2">{v.postcode}</td>
              <td className="p-2">{t(`statuses.${v.status}`)}</td>
              <td className="p-2">{t("activity", { responses: v._count.responses, assignments: v._count.assignments })}</td>
              <td className="p-2">{v.skills.map((s) => tv(`skills.${s}` as "skills.car")).join(", ")}</td>
              {canBlock && (
                <td className="p-2">
                  <form action={blockVolunteerAction.bind(null, v.id)}>
                    <input type="hidden" name="blocked" value={v.status === "BLOCKED" ? "false" : "true"} />
                    <button type="submit" className="rounded border-2 border-brand px-2 py-1 font-semibold text-brand">
                      {v.status === "BLOCKED" ? t("unblock", { name: v.name }) : t("block", { name: v.name })}
                    </button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
