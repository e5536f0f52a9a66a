"use client";

import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "react";
import type { MapTiles } from "@/lib/maps/tiles";

export type MapPoint = { name: string; latitude: number; longitude: number; openRequests: number; volunteers: number };

// Dark enough for 3:1 against the plain background and light tiles; told apart by outline too (volunteers dashed).
const REQUESTS = "#9a3412";
const VOLUNTEERS = "#1e3a8a";

/** Radius (px) of a circle for `count` of at most `max`: area proportional to the count. */
const radius = (count: number, max: number) => (count > 0 ? 6 + 24 * Math.sqrt(count / Math.max(1, max)) : 0);

/**
 * Open requests and active volunteers per neighbourhood, as circles sized by
 * count on the town's areas (never a person's place). Tiles come from the
 * operator's server when one is set; without (or when it is unreachable) the
 * circles and their labels stand on a plain background and still read. The
 * same figures are in the table beside it, for screen readers and keyboards.
 */
export function NeighbourhoodMap({ points, tiles, label, labels }: {
  points: MapPoint[]; tiles: MapTiles | null; label: string; labels: { openRequests: string; volunteers: string };
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let map: import("leaflet").Map | undefined;
    let cancelled = false;
    // Leaflet reads `window` as it loads: only in the browser.
    void import("leaflet").then((L) => {
      if (cancelled || !box.current) return;
      map = L.map(box.current, { scrollWheelZoom: false, attributionControl: Boolean(tiles?.attribution) });
      if (tiles) L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
      const maxOpen = Math.max(...points.map((p) => p.openRequests));
      const maxVolunteers = Math.max(...points.map((p) => p.volunteers));
      for (const p of points) {
        const at: [number, number] = [p.latitude, p.longitude];
        if (p.volunteers > 0) L.circleMarker(at, { radius: radius(p.volunteers, maxVolunteers), color: VOLUNTEERS, weight: 2, dashArray: "4 3", fillOpacity: 0.15 }).addTo(map);
        // Built as text, not HTML: an area's name is typed by the town's staff.
        const tip = document.createElement("span");
        tip.textContent = `${p.name}: ${labels.openRequests} ${p.openRequests}, ${labels.volunteers} ${p.volunteers}`;
        L.circleMarker(at, { radius: Math.max(4, radius(p.openRequests, maxOpen)), color: REQUESTS, weight: 2, fillOpacity: 0.45 })
          .bindTooltip(tip, { permanent: true, direction: "top", offset: [0, -6] })
          .addTo(map);
      }
      const bounds = L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as [number, number]));
      if (points.length === 1) map.setView(bounds.getCenter(), 13);
      else map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
    });
    return () => { cancelled = true; map?.remove(); };
  }, [points, tiles, labels]);
  return (
    <div role="region" aria-label={label} className="h-80 w-full rounded border border-zinc-300 bg-slate-100" data-testid="neighbourhood-map">
      <div ref={box} className="h-full w-full" style={{ background: tiles ? undefined : "#eef2f7" }} />
    </div>
  );
}
