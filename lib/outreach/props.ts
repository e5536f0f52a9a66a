import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

export type OutreachTown = { name: string; primaryColor: string; phone: string; email?: string | null; siteUrl: string };
export type OutreachLocale = "nl" | "fr" | "en";

// Typed by the English file, so a key missing from Dutch or French fails the type check.
const MESSAGES: Record<OutreachLocale, typeof en> = { nl, fr, en };

/** The only place the outreach kit reads translations. */
export function outreachTranslator(locale: OutreachLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "outreach" });
}

export type OutreachTranslator = ReturnType<typeof outreachTranslator>;

/** What every outreach document needs: the town, its strings and the QR code for its site. */
export type OutreachProps = { town: OutreachTown; locale: OutreachLocale; t: OutreachTranslator; qr: string };
