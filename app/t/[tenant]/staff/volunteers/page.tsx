import { SearchForm } from "@/components/forms/search-form";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { UndeliverableBadge } from "@/components/ui/undeliverable-badge";
import { getTranslations } from "next-intl/server";
import { COORDINATOR_ROLES, hasRole, requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { blockVolunteerAction } from "@/lib/matching/actions";
import { BulkBar } from "@/components/bulk/bulk-bar";
import { SelectBox } from "@/components/bulk/select-box";
import { ExportLinks } from "@/components/export/export-links";
import { messageVolunteersAction } from "@/lib/bulk/actions";
import { currentTenant } from "@/lib/tenancy/current";
import { listVolunteers } from "@/lib/volunteers/admin";

type Props = { searchParams: Promise<{ q?: string }> };

export default async function Volunteers({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const [t, tv, tb, rows] = await Promise.all([getTranslations("volunteersAdmin"), getTranslations("volunteer"), getTranslations("bulk"), listVolunteers(tenant, { q: query })]);
  const canBlock = hasRole(member, COORDINATOR_ROLES);
  return (
    <section aria-labelledby="volunteers" className="flex flex-col gap-4">
      <h1 id="volunteers" className="text-3xl font-bold">{t("title")}</h1>
      <SearchForm label={t("search")} button={t("searchButton")} value={query} />
      <p role="status">{t("count", { count: rows.length })}</p>
      <ExportLinks path="/staff/volunteers/export" filter={{ q: query }} />
      {canBlock && <BulkBar kind="volunteers" action={messageVolunteersAction} pageIds={rows.map((v) => v.id)} />}
      <DataTable caption={t("title")} testId="volunteers" card columns={[...(canBlock ? [{ label: tb("selectColumn"), srOnly: true }] : []), t("name"), t("postcode"), t("status"), t("recent"), t("skills"), ...(canBlock ? [{ label: t("actions"), srOnly: true }] : [])]}>
        {rows.map((v) => (
          <Row key={v.id}>
            {canBlock && <Cell><SelectBox kind="volunteers" id={v.id} label={tb("select", { label: v.name })} /></Cell>}
            <Cell className="font-semibold">{v.name}{v.emailUndeliverable && <UndeliverableBadge />}</Cell>
            <Cell>{v.postcode}</Cell>
            <Cell>{t(`statuses.${v.status}`)}</Cell>
            <Cell>{t("activity", { responses: v._count.responses, assignments: v._count.assignments })}</Cell>
            <Cell>{v.skills.map((s) => tv(`skills.${s}` as "skills.car")).join(", ")}</Cell>
            {canBlock && (
              <Cell>
                <form action={blockVolunteerAction.bind(null, v.id)}>
                  <input type="hidden" name="blocked" value={v.status === "BLOCKED" ? "false" : "true"} />
                  <button type="submit" className="rounded border-2 border-brand px-2 py-1 font-semibold text-brand">
                    {v.status === "BLOCKED" ? t("unblock", { name: v.name }) : t("block", { name: v.name })}
                  </button>
                </form>
              </Cell>
            )}
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
