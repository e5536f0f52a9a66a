import { renderToBuffer } from "@react-pdf/renderer";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { residentLetter } from "./letter";
import { poster } from "./poster";
import { qrDataUrl } from "./shared";
import { asCountry } from "@/lib/locale/country";
import { formatPhone } from "@/lib/phone/normalize";

/** The town as its documents show it; `country` decides how its number is written, `timeZone` the letter's date. */
export type OutreachTown = { name: string; primaryColor: string; phone: string; email?: string | null; siteUrl: string; country: string; timeZone: string };
export type OutreachLocale = "nl" | "fr" | "en";

// Typed by the English file, so a key missing from Dutch or French fails the type check.
const MESSAGES: Record<OutreachLocale, typeof en> = { nl, fr, en };

/** The only place the outreach kit reads translations. */
export function outreachTranslator(locale: OutreachLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "outreach" });
}

export type OutreachTranslator = ReturnType<typeof outreachTranslator>;

/**
 * What every outreach document needs: the town (its number written as people
 * there write it: "015 29 76 00" in Belgium), its strings, the QR code for
 * its site, and the day it is printed on the town's calendar.
 */
export type OutreachProps = { town: OutreachTown; locale: OutreachLocale; t: OutreachTranslator; qr: string; today: string };

async function props(town: OutreachTown, locale: OutreachLocale, now: Date): Promise<OutreachProps> {
  return {
    town: { ...town, phone: formatPhone(town.phone, asCountry(town.country)) },
    locale, t: outreachTranslator(locale), qr: await qrDataUrl(town.siteUrl),
    today: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: town.timeZone }).format(now),
  };
}

/** A4 letter for residents aged 80+: what the town's help platform is and how to reach it by phone. */
export async function renderResidentLetter(town: OutreachTown, locale: OutreachLocale, now = new Date()): Promise<Buffer> {
  return renderToBuffer(residentLetter(await props(town, locale, now)));
}

/** A4 poster for shops, pharmacies and waiting rooms, with tear-off phone-number strips. */
export async function renderPoster(town: OutreachTown, locale: OutreachLocale, now = new Date()): Promise<Buffer> {
  return renderToBuffer(poster(await props(town, locale, now)));
}
