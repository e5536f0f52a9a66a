"use client";

import { useActionState, useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { PointPicker, type MapMarker, type MapPoint } from "@/components/maps/point-picker";
import { addAreaFromMapAction } from "@/lib/areas/actions";
import { emptyForm, type FormState } from "@/lib/forms/state";
import type { MapTiles } from "@/lib/maps/tiles";

/** A neighbourhood placed by clicking on the map: its name and postcode typed, its point chosen (never typed). */
export function AreaMapForm({ tiles, markers, centre }: { tiles: Pick<MapTiles, "url" | "attribution"> | null; markers: MapMarker[]; centre: MapPoint }) {
  const t = useTranslations("structure");
  const [state, run, pending] = useActionState<FormState, FormData>(addAreaFromMapAction, emptyForm);
  const [point, setPoint] = useState<MapPoint | null>(null);
  const onPick = useCallback((p: MapPoint) => setPoint(p), []);
  const shown = point ?? (state.values.latitude && state.values.longitude ? { latitude: Number(state.values.latitude), longitude: Number(state.values.longitude) } : null);
  return (
    <form action={run} noValidate className="flex flex-col gap-3" data-testid="area-map-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {state.values.added && <p role="status" className="font-semibold text-green-900">{t("areaAdded", { name: state.values.added })}</p>}
      <p id="map-hint" className="text-zinc-700">{t(tiles ? "mapHint" : "mapHintNoTiles")}</p>
      <PointPicker tiles={tiles} markers={markers} centre={centre} label={t("mapLabel")} zoomIn={t("zoomIn")} zoomOut={t("zoomOut")} onPick={onPick} />
      <p aria-live="polite" data-testid="map-point" className="font-semibold">
        {shown ? t("mapChosen", { latitude: shown.latitude.toFixed(4), longitude: shown.longitude.toFixed(4) }) : t("mapNothingChosen")}
      </p>
      {state.errors.latitude && <p className="font-semibold text-red-800">{t("pointRequired")}</p>}
      <input type="hidden" name="latitude" value={shown ? String(shown.latitude) : ""} />
      <input type="hidden" name="longitude" value={shown ? String(shown.longitude) : ""} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="map-name" name="name" label={t("areaName")} defaultValue={state.values.name ?? ""} error={state.errors.name} />
        <TextField id="map-postcode" name="postcode" label={t("postcode")} defaultValue={state.values.postcode ?? ""} error={state.errors.postcode} />
      </div>
      <SubmitButton pending={pending}>{t("addFromMap")}</SubmitButton>
    </form>
  );
}
