import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/current";
import { setLocale } from "@/lib/preferences/actions";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

export async function LanguageSwitcher({ locales }: { locales: readonly Locale[] }) {
  if (locales.length < 2) return null;
  const [t, current] = await Promise.all([getTranslations("nav"), currentLocale()]);
  return (
    <form action={setLocale} aria-label={t("language")} className="flex flex-wrap gap-1">
      {locales.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === current}
          className="rounded px-2 py-1 text-sm underline-offset-2 hover:underline aria-pressed:bg-white aria-pressed:font-bold aria-pressed:text-zinc-900"
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}
