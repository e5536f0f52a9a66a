import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { keepTogether } from "@/lib/text/keep-together";

/** E.164 form (+3216272222) of a number written as people in `country` write it (or internationally), or null when it is not a valid number. */
export function normalizePhone(input: string, country: CountryCode = "BE"): string | null {
  const cleaned = input.trim().replace(/^00/, "+");
  if (!/^[+\d][\d\s./()-]{5,24}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, country);
  return parsed?.isValid() ? parsed.number : null;
}

/** How a number is shown in a town of `homeCountry`: national format for its own numbers ("015 29 76 00"), international for others. */
export function formatPhone(number: string, homeCountry: CountryCode = "BE"): string {
  // Numbers saved before they were normalised are read as the town's own.
  const parsed = parsePhoneNumberFromString(number, homeCountry);
  if (!parsed?.isValid()) return number;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** tel: links want the full number without spaces. */
export function telLink(number: string, homeCountry: CountryCode = "BE"): string {
  const parsed = parsePhoneNumberFromString(number, homeCountry);
  return `tel:${parsed?.isValid() ? parsed.number : number.replace(/\s+/g, "")}`;
}

/** wa.me wants the number in international format without "+" or spaces. */
export function whatsappLink(e164: string): string {
  return `https://wa.me/${e164.replace(/\D/g, "")}`;
}

/** A town's own number as its pages show it (never broken across lines), and as a tel: link. */
export function townPhone(town: { phone: string; country: CountryCode }): { text: string; href: string } {
  // Every town page shows it two or three times, and parsing a number costs ~0.1 ms: each is parsed once.
  const key = `${town.country}\n${town.phone}`;
  let shown = townPhones.get(key);
  if (!shown) {
    if (townPhones.size >= MAX_TOWN_PHONES) townPhones.delete(townPhones.keys().next().value!);
    shown = Object.freeze({ text: keepTogether(formatPhone(town.phone, town.country)), href: telLink(town.phone, town.country) });
    townPhones.set(key, shown);
  }
  return shown;
}

const MAX_TOWN_PHONES = 1000;
const townPhones = new Map<string, { text: string; href: string }>();
