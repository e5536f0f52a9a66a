import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Country } from "@/lib/locale/country";

// The postcode lists shipped with the app (data/postcodes, GeoNames, CC BY 4.0):
// one gzipped TSV per country a town can be in, read the first time a town of
// that country looks a postcode up and kept in memory (France, the largest, is
// some 50,000 rows, a few MB). Neighbourhoods get their coordinates from here
// or from a point chosen on a map, never typed.

export type Postcode = { postcode: string; place: string; latitude: number; longitude: number };

/** Where the lists are; next.config.ts traces this folder into the standalone build. */
export const POSTCODE_DIR = join(process.cwd(), "data", "postcodes");

/** Attribution shown wherever the list is used (its licence asks for it). */
export const POSTCODE_SOURCE = { url: "https://www.geonames.org/", licenceUrl: "https://creativecommons.org/licenses/by/4.0/" };

const lists = new Map<Country, Postcode[]>();

/** The country's postcodes, sorted by postcode; empty when no list ships for it (the map picker still works). */
export function postcodeList(country: Country): Postcode[] {
  let list = lists.get(country);
  if (!list) {
    const file = join(POSTCODE_DIR, `${country}.tsv.gz`);
    list = existsSync(file)
      ? gunzipSync(readFileSync(file)).toString("utf8").split("\n").filter(Boolean).map((line) => {
        const [postcode, place, lat, lon] = line.split("\t");
        return { postcode, place, latitude: Number(lat), longitude: Number(lon) };
      })
      : [];
    lists.set(country, list);
  }
  return list;
}

/** Text folded for comparison: case and accents ignored ("Liège" finds "liege"). */
export const fold = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/**
 * A postcode as the country's list writes it: upper case, single spaces;
 * Luxembourg's "L-1234" as "1234"; a Dutch "1234 AB" as its four digits (the
 * list holds the area part only).
 */
export function normalisePostcode(country: Country, text: string): string {
  let code = text.trim().toUpperCase().replace(/\s+/g, " ");
  if (country === "LU") code = code.replace(/^L\s*-\s*/, "");
  if (country === "NL") code = /^(\d{4})\s?[A-Z]{2}$/.exec(code)?.[1] ?? code;
  return code;
}

/**
 * Up to `limit` entries for what someone typed: postcodes starting with it
 * when it starts with a digit, otherwise places whose name starts with it,
 * then places whose name contains it.
 */
export function searchPostcodes(country: Country, query: string, limit = 20): Postcode[] {
  const list = postcodeList(country);
  const q = query.trim();
  if (!q) return [];
  if (/^[0-9]/.test(q) || (country === "LU" && /^L-?\d/i.test(q))) {
    const code = normalisePostcode(country, q);
    return list.filter((p) => p.postcode.startsWith(code)).slice(0, limit);
  }
  const wanted = fold(q);
  const starts: Postcode[] = [];
  const contains: Postcode[] = [];
  for (const p of list) {
    const place = fold(p.place);
    if (place.startsWith(wanted)) starts.push(p);
    else if (contains.length < limit && place.includes(wanted)) contains.push(p);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The entry for a postcode (and place, when given: one postcode can serve several places), or undefined. */
export function findPostcode(country: Country, postcode: string, place?: string): Postcode | undefined {
  const code = normalisePostcode(country, postcode);
  const wanted = place === undefined ? undefined : fold(place);
  return postcodeList(country).find((p) => p.postcode === code && (wanted === undefined || fold(p.place) === wanted));
}
