import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AreaMapForm } from "@/components/maps/area-map-form";
import { ActionButton, AddFromPostcodeButton, RenameAreaForm } from "@/components/settings/structure-forms";
import { removeAreaAction, renameAreaAction } from "@/lib/areas/actions";
import { listAreas } from "@/lib/areas/admin";
import { postcodeList, POSTCODE_SOURCE, searchPostcodes } from "@/lib/areas/postcodes";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { countryCentre } from "@/lib/maps/centre";
import { mapTiles } from "@/lib/maps/tiles";
import { currentTenant } from "@/lib/tenancy/current";

/** A town admin's neighbourhoods: listed, renamed, removed, added from the country's postcode list or a point on the map. */
export default async function AreaSettings({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const [t, ts, { q }, areas] = await Promise.all([getTranslations("structure"), getTranslations("signup"), searchParams, listAreas(tenant)]);
  const query = typeof q === "string" ? q.trim().slice(0, 60) : "";
  const hasList = postcodeList(tenant.country).length > 0;
  const results = query && hasList ? searchPostcodes(tenant.country, query) : [];
  const tiles = mapTiles();
  const placed = areas.filter((a) => a.latitude != null && a.longitude != null).map((a) => ({ latitude: a.latitude!, longitude: a.longitude!, label: `${a.name} (${a.postcode})` }));
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  const source = (
    <p className="text-zinc-700" data-testid="postcode-source">
      {t.rich("source", {
        source: (chunks) => <a href={POSTCODE_SOURCE.url} className="underline">{chunks}</a>,
        licence: (chunks) => <a href={POSTCODE_SOURCE.licenceUrl} className="underline">{chunks}</a>,
      })}
    </p>
  );
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/settings" className="underline">{t("backToSettings")}</Link></p>
      <h1 className="text-3xl font-bold">{t("areasTitle")}</h1>
      <p className="max-w-3xl">{t("areasIntro")}</p>
      <section aria-labelledby="areas-list" className={card}>
        <h2 id="areas-list" className="text-xl font-bold">{t("areasTitle")}</h2>
        {areas.length === 0 ? <p>{t("areasEmpty")}</p> : (
          <ul className="flex flex-col gap-4" data-testid="areas">
            {areas.map((a) => (
              <li key={a.id} className="flex flex-col gap-2 border-b border-zinc-200 pb-3" data-testid="area">
                <p><span className="font-semibold">{a.postcode}</span> {a.name} · {t("point")}: {a.latitude != null && a.longitude != null ? `${a.latitude.toFixed(4)}, ${a.longitude.toFixed(4)}` : t("noPoint")}</p>
                <div className="flex flex-wrap items-end gap-3">
                  <RenameAreaForm action={renameAreaAction.bind(null, a.id)} name={a.name} id={a.id} />
                  <ActionButton action={removeAreaAction.bind(null, a.id)} danger label={t("remove", { name: `${a.name} (${a.postcode})` })} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="postcode-search" className={card}>
        <h2 id="postcode-search" className="text-xl font-bold">{t("searchTitle")}</h2>
        {hasList ? (
          <>
            <form method="get" role="search" className="flex flex-wrap items-end gap-3">
              <div className="flex flex-col gap-1">
                <label htmlFor="q" className="font-semibold">{t("searchLabel")}</label>
                <p id="q-hint" className="text-zinc-700">{t("searchHint", { country: ts(`countries.${tenant.country}`) })}</p>
                <input id="q" name="q" type="search" defaultValue={query} aria-describedby="q-hint" autoComplete="off"
                  className="w-full rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg" />
              </div>
              <button type="submit" className="rounded bg-brand px-5 py-3 text-lg font-bold text-white">{t("search")}</button>
            </form>
            {query && (results.length === 0
              ? <p role="status">{t("searchNone", { query })}</p>
              : (
                <div className="flex flex-col gap-2">
                  <h3 className="text-lg font-bold">{t("resultsTitle", { query })}</h3>
                  <ul className="flex flex-col gap-2" data-testid="postcode-results">
                    {results.map((r) => (
                      <li key={`${r.postcode}-${r.place}`} className="flex flex-wrap items-center gap-3">
                        <AddFromPostcodeButton postcode={r.postcode} place={r.place} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            {source}
          </>
        ) : <p>{t("noPostcodeList")}</p>}
      </section>
      <section aria-labelledby="map-title" className={card}>
        <h2 id="map-title" className="text-xl font-bold">{t("mapTitle")}</h2>
        <AreaMapForm tiles={tiles && { url: tiles.url, attribution: tiles.attribution }} markers={placed} centre={countryCentre(tenant.country)} />
      </section>
    </div>
  );
}
