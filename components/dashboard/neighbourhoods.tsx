import { getTranslations } from "next-intl/server";
import { NeighbourhoodMap } from "@/components/maps/neighbourhood-map";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { mapTiles } from "@/lib/maps/tiles";
import type { CouncilFigures } from "@/lib/stats/council-figures";

/** Open requests and volunteers per neighbourhood: the map, and the same figures as a table. */
export async function Neighbourhoods({ figures: { neighbourhoods } }: { figures: CouncilFigures }) {
  const t = await getTranslations("trends");
  const points = neighbourhoods.areas.flatMap((a) => (a.latitude === null || a.longitude === null ? [] : [{ name: a.name, latitude: a.latitude, longitude: a.longitude, openRequests: a.openRequests, volunteers: a.volunteers }]));
  const { elsewhere } = neighbourhoods;
  return (
    <section aria-labelledby="map-h" className="flex flex-col gap-3">
      <h2 id="map-h" className="text-xl font-bold">{t("map")}</h2>
      <p>{t("mapNote")}</p>
      {points.length > 0
        ? <NeighbourhoodMap points={points} tiles={mapTiles()} label={t("map")} labels={{ openRequests: t("openRequests"), volunteers: t("volunteers") }} />
        : <p>{t("noPlaces")}</p>}
      <DataTable caption={t("map")} card testId="neighbourhood-table" columns={[t("neighbourhood"), t("postcode"), { label: t("openRequests"), numeric: true }, { label: t("volunteers"), numeric: true }]}>
        {neighbourhoods.areas.map((a) => (
          <Row key={a.postcode}><Cell rowHeader>{a.name}</Cell><Cell>{a.postcode}</Cell><Cell numeric>{a.openRequests}</Cell><Cell numeric>{a.volunteers}</Cell></Row>
        ))}
        {(elsewhere.openRequests > 0 || elsewhere.volunteers > 0) && (
          <Row><Cell rowHeader>{t("elsewhere")}</Cell><Cell>—</Cell><Cell numeric>{elsewhere.openRequests}</Cell><Cell numeric>{elsewhere.volunteers}</Cell></Row>
        )}
      </DataTable>
    </section>
  );
}
