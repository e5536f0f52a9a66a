import { renderToBuffer } from "@react-pdf/renderer";
import { residentLetter } from "./letter";
import { poster } from "./poster";
import { outreachTranslator, type OutreachLocale, type OutreachProps, type OutreachTown } from "./props";
import { qrDataUrl } from "./shared";

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
