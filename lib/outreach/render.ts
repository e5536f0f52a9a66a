import { renderToBuffer } from "@react-pdf/renderer";
import { createTranslator } from "next-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import type { Locale } from "@/lib/i18n/locales";
import { residentLetter } from "./letter";
import { poster } from "./poster";
import { qrDataUrl } from "./shared";

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

async function props(town: OutreachTown, locale: OutreachLocale): Promise<OutreachProps> {
  return { town, locale, t: outreachTranslator(locale), qr: await qrDataUrl(town.siteUrl) };
}

/** A4 letter for residents aged 80+: what the town's help platform is and how to reach it by phone. */
export async function renderResidentLetter(town: OutreachTown, locale: OutreachLocale): Promise<Buffer> {
  return renderToBuffer(residentLetter(await props(town, locale)));
}

/** A4 poster for shops, pharmacies and waiting rooms, with tear-off phone-number strips. */
export async function renderPoster(town: OutreachTown, locale: OutreachLocale): Promise<Buffer> {
  return renderToBuffer(poster(await props(town, locale)));
}
