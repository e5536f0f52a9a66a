import type { CountryCode } from "libphonenumber-js";

/** Countries a town can be in (the wizard offers these). */
export const COUNTRIES = ["BE", "NL", "FR", "LU", "DE"] as const;
export type Country = (typeof COUNTRIES)[number] & CountryCode;

/** The zone a town of each country keeps unless it chooses otherwise. */
export const COUNTRY_TIME_ZONES: Record<Country, string> = {
  BE: "Europe/Brussels",
  NL: "Europe/Amsterdam",
  FR: "Europe/Paris",
  LU: "Europe/Luxembourg",
  DE: "Europe/Berlin",
};

/** Zones a town can choose: those of the countries offered. */
export const TIME_ZONES = Object.values(COUNTRY_TIME_ZONES);

export function isCountry(value: unknown): value is Country {
  return typeof value === "string" && (COUNTRIES as readonly string[]).includes(value);
}

/** A stored country as a Country; towns made before the wizard offered others are Belgian. */
export function asCountry(value: string | null | undefined): Country {
  return isCountry(value) ? value : "BE";
}

export function defaultTimeZone(country: string): string {
  return COUNTRY_TIME_ZONES[asCountry(country)];
}
