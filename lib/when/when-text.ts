import { getLocale, getTranslations } from "next-intl/server";
import { describeWhen, type When } from "@/lib/when/when";

/**
 * For pages: tells a request's when in the reader's language, with the
 * resident's own note after it ("Tuesday, morning · after 10 o'clock").
 */
export async function whenTeller() {
  const [t, locale] = await Promise.all([getTranslations("when"), getLocale()]);
  return (r: { when: When; weekly?: boolean; timeWindow?: string }) =>
    [describeWhen(r.when, locale, t, r.weekly), r.timeWindow].filter(Boolean).join(" · ");
}
