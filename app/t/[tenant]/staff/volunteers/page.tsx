import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { sortColumn } from "@/components/lists/list-controls";
import { Cell } from "@/components/ui/data-table";
import { UndeliverableBadge } from "@/components/ui/undeliverable-badge";
import { COORDINATOR_ROLES, hasRole, requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { blockVolunteerAction } from "@/lib/matching/actions";
import { BulkList } from "@/components/bulk/bulk-list";
import { messageVolunteersAction } from "@/lib/bulk/actions";
import { currentTenant } from "@/lib/tenancy/current";
import { listVolunteers, VOLUNTEER_STATUSES, volunteerListSchema } from "@/lib/volunteers/admin";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fieldClass = "rounded border-2 border-zinc-700 bg-white px-2 py-1";
const PATH = "/staff/volunteers";

export default async function Volunteers({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const list = volunteerListSchema.parse(await searchParams);
  // The list's whole state, kept in every link (sort headings, pages): shareable, and the back button works.
  const current = { q: list.q, status: list.status, categoryId: list.categoryId, sort: list.sort, dir: list.dir };
  const [t, tv, format, page, categories] = await Promise.all([
    getTranslations("volunteersAdmin"), getTranslations("volunteer"), getFormatter(), listVolunteers(tenant, list), listCategories(tenant, locale),
  ]);
  const { rows, count } = page;
  const canBlock = hasRole(member, COORDINATOR_ROLES);
  return (
    <section aria-labelledby="volunteers" className="flex flex-col gap-4">
      <h1 id="volunteers" className="text-3xl font-bold">{t("title")}</h1>
      {canBlock && <p><Link href="/staff/volunteers/import" className="font-semibold text-brand underline">{t("importLink")}</Link></p>}
      <form method="get" role="search" aria-label={t("filter")} className="flex flex-wrap items-end gap-3 rounded bg-white p-3 shadow-sm">
        <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
          {t("searchAll")}
          <input name="q" type="search" defaultValue={list.q} maxLength={100} className={fieldClass} />
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
          {t("status")}
          <select name="status" defaultValue={list.status ?? ""} className={fieldClass}>
            <option value="">{t("anyStatus")}</option>
            {VOLUNTEER_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
          {t("category")}
          <select name="categoryId" defaultValue={list.categoryId ?? ""} className={fieldClass}>
            <option value="">{t("anyCategory")}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
        {/* A new search or filter starts at the first page, in the same order. */}
        <input type="hidden" name="sort" value={list.sort} />
        <input type="hidden" name="dir" value={list.dir} />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">{t("searchButton")}</button>
        <Link href={PATH} className="px-2 py-2 underline">{t("reset")}</Link>
      </form>
      <BulkList
        kind="volunteers" action={canBlock ? messageVolunteersAction : null}
        count={count.more ? t("countCapped", { count: count.count }) : t("count", { count: count.count })}
        exportLink={{ path: "/staff/volunteers/export", filter: { q: list.q } }}
        caption={t("title")} testId="volunteers"
        columns={[
          sortColumn(t("name"), "name", PATH, current),
          t("postcode"),
          sortColumn(t("status"), "status", PATH, current),
          sortColumn(t("created"), "created", PATH, current, "desc"),
          t("recent"), t("skills"),
          ...(canBlock ? [{ label: t("actions"), srOnly: true }] : []),
        ]}
        rows={rows.map((v) => ({
          id: v.id, label: v.name, cells: (
            <>
              <Cell className="font-semibold"><Link href={`${PATH}/${encodeURIComponent(v.id)}`} className="underline">{v.name}</Link>{v.emailUndeliverable && <UndeliverableBadge />}</Cell>
              <Cell>{v.postcode}</Cell>
              <Cell>{t(`statuses.${v.status}`)}</Cell>
              <Cell>{format.dateTime(v.createdAt, { dateStyle: "short" })}</Cell>
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
            </>
          ),
        }))}
        pages={{ path: PATH, current, next: page.next, prev: page.prev }}
      />
    </section>
  );
}
