/**
 * Joins a short value's words with no-break spaces, so a phone number
 * ("016 27 22 22") or a distance ("0 km") never breaks across lines while the
 * sentence around it still wraps.
 */
export const keepTogether = (text: string) => text.replace(/ /g, "\u00a0");
