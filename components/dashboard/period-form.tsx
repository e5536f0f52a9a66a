import { getTranslations } from "next-intl/server";
import { PRESETS, type Period } from "@/lib/stats/period";

const field = "rounded border-2 border-zinc-700 bg-white px-2 py-1";

/** The period selector: a plain GET form, so the period lives in the URL (shareable, the back button works) and needs no script. */
export async function PeriodForm({ period }: { period: Period }) {
  const t = await getTranslations("trends");
  const choices = [...Object.keys(PRESETS), "custom"] as (keyof typeof PRESETS | "custom")[];
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded bg-white p-3 shadow-sm" aria-label={t("period")} data-testid="period-form">
      <label className="flex flex-col gap-1 font-semibold">
        {t("period")}
        <select name="period" defaultValue={period.preset} className={field}>
          {choices.map((p) => <option key={p} value={p}>{t(`periods.${p}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        {t("from")}
        <input type="date" name="from" defaultValue={period.fromDay} className={field} aria-describedby="period-hint" />
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        {t("to")}
        <input type="date" name="to" defaultValue={period.toDay} className={field} aria-describedby="period-hint" />
      </label>
      <button type="submit" className="rounded bg-blue-900 px-4 py-2 font-semibold text-white">{t("show")}</button>
      <p id="period-hint" className="w-full text-sm text-zinc-700">{t("customHint")}</p>
    </form>
  );
}
