import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** E.164 form (+3216272222) of a Belgian or international number, or null when it is not a valid number. */
export function normalizePhone(input: string, defaultCountry: CountryCode = "BE"): string | null {
  const cleaned = input.trim().replace(/^00/, "+");
  if (!/^[+\d][\d\s./()-]{5,24}$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/** How a number is shown to staff: national format at home, international otherwise. */
export function formatPhone(e164: string, homeCountry: CountryCode = "BE"): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === homeCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** wa.me wants the number in international format without "+" or spaces. */
export function whatsappLink(e164: string): string {
  return `https://wa.me/${e164.replace(/\D/g, "")}`;
}
