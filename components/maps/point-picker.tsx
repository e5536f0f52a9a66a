"use client";

import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type { Map as LeafletMap, CircleMarker } from "leaflet";
import type { MapTiles } from "@/lib/maps/tiles";

export type MapPoint = { latitude: number; longitude: number };
export type MapMarker = MapPoint & { label: string };

/**
 * A map to click a point on (Leaflet). With the operator's tile server the
 * usual map shows; without one (or when tiles do not load) a plain background
 * with the town's existing neighbourhoods as labelled dots, enough to place a
 * new one among them. Clicking is mouse or touch only: the page offers the
 * postcode search as the keyboard's way to the same result.
 */
export function PointPicker({ tiles, markers, centre, label, zoomIn, zoomOut, onPick }: {
  tiles: Pick<MapTiles, "url" | "attribution"> | null; markers: MapMarker[]; centre: MapPoint; label: string; zoomIn: string; zoomOut: string;
  onPick: (point: MapPoint) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  useEffect(() => { pick.current = onPick; }, [onPick]);

  useEffect(() => {
    let map: LeafletMap | undefined;
    let cancelled = false;
    void import("leaflet").then(({ default: L }) => {
      if (cancelled || !box.current) return;
      map = L.map(box.current, { zoomControl: false, attributionControl: !!tiles });
      L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
      if (tiles) {
        map.attributionControl.setPrefix(false);
        L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
      }
      for (const m of markers) {
        L.circleMarker([m.latitude, m.longitude], { radius: 6, color: "#1f2937", weight: 2, fillColor: "#ffffff", fillOpacity: 1 })
          .bindTooltip(m.label, { permanent: !tiles, direction: "right" }).addTo(map);
      }
      if (markers.length > 1) map.fitBounds(L.latLngBounds(markers.map((m) => [m.latitude, m.longitude])), { padding: [40, 40], maxZoom: 14 });
      else map.setView([markers[0]?.latitude ?? centre.latitude, markers[0]?.longitude ?? centre.longitude], markers.length ? 13 : 7);
      let chosen: CircleMarker | undefined;
      map.on("click", (e) => {
        const point = { latitude: Math.round(e.latlng.lat * 1e4) / 1e4, longitude: Math.round(e.latlng.lng * 1e4) / 1e4 };
        chosen?.remove();
        chosen = L.circleMarker(e.latlng, { radius: 9, color: "#b91c1c", weight: 3, fillColor: "#ef4444", fillOpacity: 0.8 }).addTo(map!);
        pick.current(point);
      });
    });
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [tiles, markers, centre, zoomIn, zoomOut]);

  return (
    <div ref={box} role="application" aria-label={label} data-testid="map-picker" data-tiles={tiles ? "on" : "off"}
      className="h-80 w-full rounded-card border-2 border-zinc-700 bg-[#e8eef2]" />
  );
}
