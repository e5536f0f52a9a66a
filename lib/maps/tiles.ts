// Map tiles come from a server the operator chooses (MAP_TILE_URL). Unset, no
// map fetches anything from a third party (a public body's pages then make no
// requests a privacy notice would have to name): maps draw their own plain
// background, and stay usable, as they must when tiles are unreachable anyway.

export type MapTiles = { url: string; attribution: string; origin: string };

/** The configured tile source, or null when maps draw without tiles. */
export function mapTiles(source: Record<string, string | undefined> = process.env): MapTiles | null {
  const url = source.MAP_TILE_URL?.trim();
  if (!url) return null;
  return { url, attribution: source.MAP_TILE_ATTRIBUTION?.trim() ?? "", origin: new URL(url.replace(/\{[a-z]\}/g, "0")).origin };
}
