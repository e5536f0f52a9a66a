import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { devMailboxEnabled } from "@/lib/email/deliver";
import { renderSample } from "@/lib/email/preview";
import { TEMPLATES, type TemplateName } from "@/lib/email/templates";
import { LOCALES, LOCALE_NAMES, isLocale } from "@/lib/i18n/locales";

/** Every e-mail template with sample data, for designers and translators (development mode only). */
export default async function EmailPreviews({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { lang } = await searchParams;
  const locale = isLocale(lang) ? lang : "nl";
  const t = await getTranslations("emailPreview");
  const names = Object.keys(TEMPLATES) as TemplateName[];
  const mails = await Promise.all(names.map((n) => renderSample(n, locale)));
  return (
    <section aria-labelledby="previews" className="flex flex-col gap-4">
      <h1 id="previews" className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro", { count: names.length })}</p>
      <nav aria-label={t("languages")} className="flex flex-wrap gap-3">
        {LOCALES.map((l) => (
          <a key={l} href={`/dev/emails?lang=${l}`} aria-current={l === locale ? "page" : undefined} className="underline aria-[current=page]:font-bold" lang={l}>{LOCALE_NAMES[l]}</a>
        ))}
      </nav>
      {names.map((name, i) => (
        <article key={name} aria-labelledby={`tpl-${name}`} className="rounded bg-white p-4 shadow-sm" data-testid="email-preview">
          <h2 id={`tpl-${name}`} className="font-mono text-lg font-bold">{name}</h2>
          <p><span className="font-semibold">{t("subject")}:</span> {mails[i].subject}</p>
          <p><a href={`/dev/emails/${name}?lang=${locale}`} className="font-semibold text-blue-900 underline">{t("openHtml", { name })}</a></p>
          <details className="mt-2">
            <summary className="cursor-pointer font-semibold">{t("plainText")}</summary>
            <pre className="whitespace-pre-wrap text-sm">{mails[i].text}</pre>
          </details>
        </article>
      ))}
    </section>
  );
}
