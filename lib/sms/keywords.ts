import type { Locale } from "@/lib/i18n/locales";

export type Keyword = { action: "STOP" | "START"; locale: Locale | null };

// Whole-message keywords, as carriers and Twilio read them, in Dutch, French
// and English; a language of null is understood in all three (STOP, START).
const KEYWORDS: Record<string, Keyword> = {
  stop: { action: "STOP", locale: null },
  stopp: { action: "STOP", locale: null },
  stopall: { action: "STOP", locale: "en" },
  unsubscribe: { action: "STOP", locale: "en" },
  cancel: { action: "STOP", locale: "en" },
  end: { action: "STOP", locale: "en" },
  quit: { action: "STOP", locale: "en" },
  optout: { action: "STOP", locale: "en" },
  revoke: { action: "STOP", locale: "en" },
  uitschrijven: { action: "STOP", locale: "nl" },
  afmelden: { action: "STOP", locale: "nl" },
  stoppen: { action: "STOP", locale: "nl" },
  arret: { action: "STOP", locale: "fr" },
  arreter: { action: "STOP", locale: "fr" },
  desabonner: { action: "STOP", locale: "fr" },
  desinscrire: { action: "STOP", locale: "fr" },
  desinscription: { action: "STOP", locale: "fr" },
  start: { action: "START", locale: null },
  unstop: { action: "START", locale: "en" },
  aanmelden: { action: "START", locale: "nl" },
  reprendre: { action: "START", locale: "fr" },
};

export const STOP_WORDS = Object.keys(KEYWORDS).filter((k) => KEYWORDS[k].action === "STOP");
export const START_WORDS = Object.keys(KEYWORDS).filter((k) => KEYWORDS[k].action === "START");

/**
 * What an inbound text asks, if it is a keyword: the whole message, whatever
 * its case, accents, spacing, hyphens ("opt-out") or trailing punctuation
 * ("Stop!"). A sentence that merely contains STOP is a message, not a keyword.
 */
export function parseKeyword(body: string): Keyword | null {
  const word = body
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    // Surrounding spaces (any kind, zero-width too), punctuation and symbols.
    .replace(/^[\s\p{Z}\p{Cf}\p{Cc}\p{P}\p{S}]+|[\s\p{Z}\p{Cf}\p{Cc}\p{P}\p{S}]+$/gu, "")
    // "opt-out", "dés-abonner"
    .replace(/(?<=\p{L})[-_'’](?=\p{L})/gu, "");
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : null;
}
