import type { EmailBrand } from "@/emails/town-email";
import type { EmailFormat, Translator } from "@/lib/email/translator";

/** One text message: 160 characters of GSM 03.38's basic set (a single other character, such as "ë" or "€", halves it to 70). */
export const SMS_LENGTH = 160;
const GSM_BASIC = new Set("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const TOWN_LENGTH = 40;
const LINK_LENGTH = 60;

/** Plain text in GSM characters on one line: accents GSM lacks are dropped (ë → e), anything else becomes "?". */
export function toGsm(text: string): string {
  return [...text.replace(/\s+/g, " ").trim()]
    .map((c) => (GSM_BASIC.has(c) ? c : c.normalize("NFD").replace(/\p{M}/gu, "")))
    .map((c) => ([...c].every((x) => GSM_BASIC.has(x)) ? c : "?"))
    .join("");
}

/** A template's text message: the words in the person's language (`t`, formats `f`) and the short link they lead to; composeSms() puts the town's name first. */
export type SmsTemplate<D> = (t: Translator, brand: EmailBrand, data: D, f: EmailFormat) => { text: string; link: string };

/**
 * "Leuven: <text> <link>" in one text message: the town's name first, the
 * short link whole at the end, the text cut to fit.
 */
export function composeSms(town: string, text: string, link: string): string {
  if (link.length > LINK_LENGTH || toGsm(link) !== link) throw new RangeError(`not a short link: ${link}`);
  const head = `${cut(toGsm(town), TOWN_LENGTH)}:`;
  const body = cut(toGsm(text), SMS_LENGTH - head.length - 1 - (link ? 1 + link.length : 0));
  return [head, body, link].filter(Boolean).join(" ");
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, Math.max(0, max - 3)).trimEnd()}...`);
