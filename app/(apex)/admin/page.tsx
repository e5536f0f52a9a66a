import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { countText, Pager, sortColumn } from "@/components/lists/list-controls";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { requirePlatformAdmin } from "@/lib/auth/platform";
import { listTowns, platformMetrics } from "@/lib/platform/queries";
import { PLANS, TENANT_STATUSES, townFilterSchema } from "@/lib/platform/schemas";
import { publicTownUrl } from "@/lib/tenancy/urls";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = "rounded border-2 border-zinc-700 bg-white px-2 py-1";
const PATH = "/admin";
const COLUMNS = ["name", "slug", "status", "plan", "billing", "population", "volunteers", "openRequests", "created", "lastActivity"] as const;
const NUMERIC = new Set<string>(["population", "volunteers", "openRequests"]);
// Sortable columns and the direction they first sort in.
const SORTABLE: Partial<Record<(typeof COLUMNS)[number], { field: string; natural: "asc" | "desc" }>> = {
  name: { field: "name", natural: "asc" }, created: { field: "created", natural: "desc" },
};

/** Platform admins: every town, how it is doing, and where to act. */
export default async function PlatformTowns({ searchParams }: Props) {
  await requirePlatformAdmin();
  const filter = townFilterSchema.parse(await searchParams);
  // The list's state lives in the URL: links keep it, a new search starts at page one.
  const current = { q: filter.q, status: filter.status, plan: filter.plan, sort: filter.sort, dir: filter.dir };
  const [t, format, metrics, towns] = await Promise.all([
    getTranslations("platform"), getFormatter(), platformMetrics(), listTowns(filter),
  ]);
  const metricCards = [
    { key: "townsActive", value: metrics.towns.ACTIVE },
    { key: "townsSuspended", value: metrics.towns.SUSPENDED },
    { key: "volunteers", value: metrics.volunteers },
    { key: "openRequests", value: metrics.openRequests },
    { key: "requestsLast7Days", value: metrics.requestsLast7Days },
  ] as const;
  return (
    <section aria-labelledby="towns" className="flex flex-col gap-4">
      <h1 id="towns" className="text-3xl font-bold">{t("list.title")}</h1>

      <h2 className="text-2xl font-bold">{t("metrics.title")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="platform-metrics">
        {metricCards.map((m) => (
          <div key={m.key} className="flex flex-col-reverse rounded bg-white p-3 shadow-sm">
            <dt>{t(`metrics.${m.key}`)}</dt>
            <dd className="text-3xl font-extrabold" data-testid={`metric-${m.key}`}>{format.number(m.value)}</dd>
          </div>
        ))}
      </dl>

      <h2 className="text-2xl font-bold">{t("list.allTowns")}</h2>
      <form method="get" role="search" aria-label={t("list.filter")} className="flex flex-wrap items-end gap-3 rounded bg-white p-3 shadow-sm">
        <label className="flex flex-col gap-1 font-semibold">
          {t("list.search")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} maxLength={100} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          {t("list.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={inputClass}>
            <option value="">{t("list.any")}</option>
            {TENANT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          {t("list.plan")}
          <select name="plan" defaultValue={filter.plan ?? ""} className={inputClass}>
            <option value="">{t("list.any")}</option>
            {PLANS.map((p) => <option key={p} value={p}>{t(`plan.${p}`)}</option>)}
          </select>
        </label>
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
        <button type="submit" className="rounded bg-blue-900 px-4 py-2 font-bold text-white">{t("list.apply")}</button>
        <Link href={PATH} className="px-2 py-2 underline">{t("list.reset")}</Link>
      </form>

      <p role="status" data-testid="towns-count">
        {towns.total.more ? t("list.countCapped", { count: await countText(towns.total) }) : t("list.count", { count: towns.total.count })}
      </p>
      {towns.rows.length > 0 && (
        <DataTable caption={t("list.title")} testId="towns" card columns={COLUMNS.map((c) => {
          const sortable = SORTABLE[c];
          return sortable
            ? sortColumn(t(`list.columns.${c}`), sortable.field, PATH, current, sortable.natural)
            : { label: t(`list.columns.${c}`), numeric: NUMERIC.has(c) };
        })}>
          {towns.rows.map((town) => (
            <Row key={town.id}>
              <Cell rowHeader><Link href={`/admin/towns/${town.id}`} className="font-bold text-blue-900 underline">{town.name}</Link></Cell>
              <Cell><a href={publicTownUrl(town.slug)} className="font-mono underline">{town.slug}</a></Cell>
              <Cell>{t(`status.${town.status}`)}</Cell>
              <Cell>{t(`plan.${town.plan}`)}</Cell>
              <Cell>{t(`billingStatus.${town.billingStatus}`)}</Cell>
              <Cell numeric>{town.population === null ? "—" : format.number(town.population)}</Cell>
              <Cell numeric>{format.number(town.volunteers)}</Cell>
              <Cell numeric>{format.number(town.openRequests)}</Cell>
              <Cell>{format.dateTime(town.createdAt, { dateStyle: "short" })}</Cell>
              <Cell>{format.dateTime(town.lastActivity, { dateStyle: "short", timeStyle: "short" })}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pager path={PATH} current={current} next={towns.next} prev={towns.prev} />
    </section>
  );
}
