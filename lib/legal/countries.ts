import { COUNTRIES } from "@/lib/locale/country";

export type LegalCountry = (typeof COUNTRIES)[number];

/** The country whose enforcement body and data protection authority a town's pages name (Belgium if unknown). */
export function legalCountry(country: string): LegalCountry {
  return (COUNTRIES as readonly string[]).includes(country) ? (country as LegalCountry) : "BE";
}
