import { renderToBuffer } from "@react-pdf/renderer";
import { residentLetter } from "./letter";
import { poster } from "./poster";
import { outreachTranslator, type OutreachLocale, type OutreachProps, type OutreachTown } from "./props";
import { qrDataUrl } from "./shared";
import { formatLocale } from "@/lib/i18n/locales";
import { asCountry } from "@/lib/locale/country";
import { formatPhone } from "@/lib/phone/normalize";

async function props(town: OutreachTown, locale: OutreachLocale, now: Date): Promise<OutreachProps> {
  return {
    town: { ...town, phone: formatPhone(town.phone, asCountry(town.country)) },
    locale, t: outreachTranslator(locale), qr: await qrDataUrl(town.siteUrl),
    today: new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "long", timeZone: town.timeZone }).format(now),
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
