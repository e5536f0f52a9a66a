// The full metadata: the default ("min") set cannot tell a mobile number from a landline. Server-only, so its size costs no page.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/**
 * Whether a number can receive a text message. Where a country's numbers do
 * not tell (FIXED_LINE_OR_MOBILE, as in the USA) it counts as mobile; a
 * landline or an unreadable number does not.
 */
export function isMobileNumber(number: string, homeCountry: CountryCode = "BE"): boolean {
  const parsed = parsePhoneNumberFromString(number, homeCountry);
  if (!parsed?.isValid()) return false;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}
