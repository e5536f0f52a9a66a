"use client";

import { use } from "react";
import "./globals.css";
import { LOCALES } from "@/lib/i18n/locales";

// The root layout itself failed: no locale, no message provider. The page says
// it in all four languages at once, from the same message files, loaded only
// when this page shows.
type Texts = { lang: string; title: string; text: string; retry: string; home: string; reference: string }[];
let loading: Promise<Texts> | undefined;
const load = () =>
  (loading ??= Promise.all([import("@/messages/nl.json"), import("@/messages/fr.json"), import("@/messages/en.json"), import("@/messages/de.json")]).then((all) =>
    all.map((m, i) => ({ lang: LOCALES[i], ...m.default.errorPage })),
  ));

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = use(load());
  return (
    <html lang="nl">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        <main id="main" className="mx-auto flex max-w-2xl flex-col gap-8 p-8" data-testid="global-error">
          {texts.map((t) => (
            <section key={t.lang} lang={t.lang} aria-labelledby={`error-${t.lang}`} className="flex flex-col gap-3">
              <h1 id={`error-${t.lang}`} className="text-2xl font-bold">{t.title}</h1>
              <p>{t.text}</p>
              <p className="flex flex-wrap gap-4">
                <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 font-semibold text-white">{t.retry}</button>
                <a href="/" className="px-4 py-2 font-semibold underline">{t.home}</a>
              </p>
            </section>
          ))}
          {error.digest && <p className="text-sm text-zinc-700">{texts[2].reference.replace("{digest}", error.digest)}</p>}
        </main>
      </body>
    </html>
  );
}
