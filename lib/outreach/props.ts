import { createTranslator } from "next-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";

export type OutreachTown = { name: string; primaryColor: string; phone: string; email?: string | null; siteUrl: string };
export type OutreachLocale = Locale;

// Typed by the English file, so a key missing from another language fails the type check.
const MESSAGES: Record<OutreachLocale, typeof en> = { nl, fr, en, de };

/** The only place the outreach kit reads translations. */
export function outreachTranslator(locale: OutreachLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "outreach" });
}

export type OutreachTranslator = ReturnType<typeof outreachTranslator>;

/** What every outreach document needs: the town, its strings and the QR code for its site. */
export type OutreachProps = { town: OutreachTown; locale: OutreachLocale; t: OutreachTranslator; qr: string };
