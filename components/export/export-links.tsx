import { getTranslations } from "next-intl/server";
import { EXPORT_FORMATS } from "@/lib/export/table";

/** Download links for a staff list, carrying the list's current filters. */
export async function ExportLinks({ path, filter }: { path: string; filter: Record<string, string | undefined> }) {
  const t = await getTranslations("exports");
  const link = (format: string) => {
    const query = new URLSearchParams(Object.entries({ ...filter, format }).filter((e): e is [string, string] => !!e[1]));
    return `${path}?${query}`;
  };
  return (
    <p className="flex flex-wrap items-center gap-3" data-testid="export-links" data-print-hide>
      <span className="font-semibold">{t("download")}</span>
      {EXPORT_FORMATS.map((f) => <a key={f} href={link(f)} download className="underline">{t(`formats.${f}`)}</a>)}
    </p>
  );
}
