import { createTranslator } from "next-intl";
import { formatLocale } from "@/lib/i18n/locales";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";

/** The town as its documents show it; `country` decides how its number is written, `timeZone` the letter's date. */
export type OutreachTown = { name: string; primaryColor: string; phone: string; email?: string | null; siteUrl: string; country: string; timeZone: string };
export type OutreachLocale = Locale;

// Typed by the English file, so a key missing from another language fails the type check.
const MESSAGES: Record<OutreachLocale, typeof en> = { nl, fr, en, de };

/** The app's strings in `locale`, for documents rendered outside a page (the outreach kit, the council's report). */
export const documentMessages = (locale: OutreachLocale) => MESSAGES[locale];

/** The only place the outreach kit reads translations. */
export function outreachTranslator(locale: OutreachLocale) {
  return createTranslator({ locale: formatLocale(locale), messages: MESSAGES[locale], namespace: "outreach" });
}

export type OutreachTranslator = ReturnType<typeof outreachTranslator>;

/**
 * What every outreach document needs: the town (its number written as people
 * there write it: "015 29 76 00" in Belgium), its strings, the QR code for
 * its site, and the day it is printed on the town's calendar.
 */
export type OutreachProps = { town: OutreachTown; locale: OutreachLocale; t: OutreachTranslator; qr: string; today: string };
