import type { Country } from "@/lib/locale/country";

/** Where a map of a country opens when the town has no placed neighbourhood yet (roughly its middle). */
const CENTRES: Record<Country, { latitude: number; longitude: number }> = {
  BE: { latitude: 50.64, longitude: 4.67 },
  NL: { latitude: 52.2, longitude: 5.3 },
  LU: { latitude: 49.78, longitude: 6.1 },
  FR: { latitude: 46.6, longitude: 2.4 },
  DE: { latitude: 51.1, longitude: 10.4 },
};

export function countryCentre(country: Country) {
  return CENTRES[country];
}
