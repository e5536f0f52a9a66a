import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Column } from "@/components/ui/data-table";
import type { CappedCount } from "@/lib/lists/count";
import type { Direction } from "@/lib/lists/keyset";
import { listHref, sortHref } from "@/lib/lists/params";

/** A list's state in its URL: filters, search, sort. */
export type Query = Record<string, string | undefined> & { sort: string; dir: Direction };

/** A sortable column heading: a link that sorts by it (or turns the order round), with aria-sort on the heading. */
export function sortColumn(label: string, field: string, path: string, current: Query, natural: Direction = "asc"): Column {
  const active = current.sort === field;
  return {
    label: (
      <Link href={sortHref(path, current, field, natural)} className="underline">
        {label}
        {active && <span aria-hidden="true">{current.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    ),
    sort: active ? (current.dir === "asc" ? "ascending" : "descending") : "none",
  };
}

/** "1,234" or "10,000+": how many rows the list has, counted up to the cap. */
export async function countText({ count, more }: CappedCount): Promise<string> {
  const format = await getFormatter();
  return more ? `${format.number(count)}+` : format.number(count);
}

/** Previous / next page links; the current state (filters, sort, search) stays in them. */
export async function Pager({ path, current, next, prev }: { path: string; current: Query; next: string | null; prev: string | null }) {
  if (!next && !prev) return null;
  const t = await getTranslations("lists");
  const link = "rounded border-2 border-zinc-700 bg-white px-3 py-1 font-semibold underline";
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3">
      {prev ? <Link rel="prev" href={listHref(path, current, { before: prev })} className={link}>{t("previous")}</Link> : null}
      {next ? <Link rel="next" href={listHref(path, current, { after: next })} className={link}>{t("next")}</Link> : null}
      {prev ? <Link href={listHref(path, current, {})} className="underline">{t("first")}</Link> : null}
    </nav>
  );
}
