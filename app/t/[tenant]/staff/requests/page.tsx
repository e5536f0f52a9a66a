import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { sortColumn } from "@/components/lists/list-controls";
import { Cell } from "@/components/ui/data-table";
import { whenTeller } from "@/lib/when/when-text";
import { COORDINATOR_ROLES, hasRole, requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { BulkList } from "@/components/bulk/bulk-list";
import { bulkRequestsAction } from "@/lib/bulk/actions";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { listQueue, listRequestNeighbourhoods } from "@/lib/requests/queries";
import { AGE_GROUPS, SOURCES, STATUSES, URGENCIES, queueFilterSchema, queueListSchema } from "@/lib/requests/schemas";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const selectClass = "rounded border-2 border-zinc-700 bg-white px-2 py-1";
const PATH = "/staff/requests";

export default async function RequestQueue({ searchParams }: Props) {
  const tenant = await currentTenant();
  // Also checked here, not only in the layout: the page renders alongside the layout, and its
  // output would travel in the body of the layout's redirect or 404.
  const member = await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const params = await searchParams;
  const filter = queueFilterSchema.parse(params);
  const list = queueListSchema.parse(params);
  // The list's whole state, kept in every link (sort headings, pages): shareable, and the back button works.
  const current = { ...filter, q: list.q, sort: list.sort, dir: list.dir };
  const [t, te, format, tellWhen, page, categories, neighbourhoods] = await Promise.all([
    getTranslations("queue"), getTranslations("enums"), getFormatter(), whenTeller(),
    listQueue(tenant, filter, locale, list), listCategories(tenant, locale, { retired: true }), listRequestNeighbourhoods(tenant),
  ]);
  const { rows, count } = page;
  // Bulk actions are for those who may act on one request (coordinators, admins).
  const canBulk = hasRole(member, COORDINATOR_ROLES);
  const select = (name: keyof typeof filter, label: string, options: { value: string; label: string }[], anyLabel = t("any")) => (
    // Never wider than the form: a long category or neighbourhood name would otherwise widen the page on a phone.
    <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
      {label}
      <select name={name} defaultValue={filter[name] ?? ""} className={selectClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="queue" className="flex flex-col gap-4">
      <h1 id="queue" className="text-3xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded bg-white p-3 shadow-sm" aria-label={t("filter")}>
        <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
          {t("search")}
          <input name="q" type="search" defaultValue={list.q} maxLength={100} className={selectClass} />
        </label>
        {select("status", t("status"), STATUSES.map((s) => ({ value: s, label: te(`status.${s}`) })), t("active"))}
        {select("categoryId", t("category"), categories.map((c) => ({ value: c.id, label: c.label })))}
        {select("neighbourhood", t("neighbourhood"), neighbourhoods.map((n) => ({ value: n, label: n })))}
        {select("urgency", t("urgency"), URGENCIES.map((u) => ({ value: u, label: te(`urgency.${u}`) })))}
        {select("ageGroup", t("ageGroup"), AGE_GROUPS.map((a) => ({ value: a, label: te(`ageGroup.${a}`) })))}
        {select("source", t("source"), SOURCES.map((s) => ({ value: s, label: te(`source.${s}`) })))}
        {/* A new filter or search starts at the first page, in the same order. */}
        <input type="hidden" name="sort" value={list.sort} />
        <input type="hidden" name="dir" value={list.dir} />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-bold text-white">{t("apply")}</button>
        <Link href={PATH} className="px-2 py-2 underline">{t("reset")}</Link>
      </form>
      <BulkList
        kind="requests" action={canBulk ? bulkRequestsAction : null}
        count={count.more ? t("countCapped", { count: count.count }) : t("count", { count: count.count })}
        exportLink={{ path: "/staff/requests/export", filter: { ...filter, q: list.q } }}
        caption={t("title")} testId="queue"
        columns={[
          sortColumn(t("reference"), "reference", PATH, current),
          t("category"), t("neighbourhood"), t("when"),
          sortColumn(t("status"), "status", PATH, current),
          sortColumn(t("urgency"), "urgency", PATH, current, "desc"),
          t("ageGroup"),
          sortColumn(t("created"), "created", PATH, current, "desc"),
        ]}
        rows={rows.map((r) => ({
          id: r.id, label: r.reference, cells: (
            <>
              <Cell>
                <Link href={`/staff/requests/${r.id}`} className="font-mono font-bold underline">{r.reference}</Link>
                {r.referredBy && <><br /><span className="text-sm" data-testid="referred-by">{t("referredBy", { organisation: r.referredBy })}</span></>}
              </Cell>
              <Cell>{r.category}</Cell>
              <Cell>{r.neighbourhood || r.postcode}</Cell>
              <Cell>{tellWhen({ ...r, weekly: r.recurrence === "WEEKLY" })}</Cell>
              <Cell>{te(`status.${r.status}`)}</Cell>
              <Cell>{te(`urgency.${r.urgency}`)}</Cell>
              <Cell>{te(`ageGroup.${r.ageGroup}`)}</Cell>
              <Cell>{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</Cell>
            </>
          ),
        }))}
        pages={{ path: PATH, current, next: page.next, prev: page.prev }}
      />
    </section>
  );
}
