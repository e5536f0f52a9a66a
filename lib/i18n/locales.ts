export const LOCALES = ["nl", "fr", "en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "helpt-locale";
export const LOCALE_NAMES: Record<Locale, string> = { nl: "Nederlands", fr: "Français", en: "English", de: "Deutsch" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// The tag dates and numbers are formatted with. Plain "en" is American English
// (month before day, "3:09 PM"); a European public body writes English the
// British way: "3 November 2026", "03/11/2026, 15:09".
const FORMAT_TAGS = { nl: "nl", fr: "fr", en: "en-GB", de: "de" } as const satisfies Record<Locale, string>;
export type FormatLocale = (typeof FORMAT_TAGS)[Locale];

/** The Intl locale for a language ("en" → "en-GB"); a formatting tag passes through. */
export function formatLocale(locale: Locale | FormatLocale): FormatLocale {
  return isLocale(locale) ? FORMAT_TAGS[locale] : locale;
}

/** The app's language a formatting tag belongs to ("en-GB" → "en"), or undefined. */
export function baseLocale(tag: unknown): Locale | undefined {
  const base = typeof tag === "string" ? tag.split("-")[0].toLowerCase() : undefined;
  return isLocale(base) ? base : undefined;
}

/** Best enabled locale from an Accept-Language header, by quality order. */
export function negotiate(acceptLanguage: string | null, enabled: readonly Locale[]): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.split("-")[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find((l): l is Locale => enabled.includes(l as Locale));
}

/** Explicit choice (cookie) first, then the browser's languages, then the site default. */
export function pickLocale(opts: {
  cookie?: string;
  acceptLanguage: string | null;
  enabled: readonly Locale[];
  fallback: Locale;
}): Locale {
  if (isLocale(opts.cookie) && opts.enabled.includes(opts.cookie)) return opts.cookie;
  return negotiate(opts.acceptLanguage, opts.enabled) ?? opts.fallback;
}

/** A label from a per-locale map ({"nl": …, "fr": …}), falling back sensibly. */
export function localized(labels: unknown, locale: Locale, fallback: Locale = "nl"): string {
  const map = (labels ?? {}) as Partial<Record<string, string>>;
  return map[locale] ?? map[fallback] ?? Object.values(map)[0] ?? "";
}
