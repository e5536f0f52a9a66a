"use client";

import { useErrorTexts } from "@/components/errors/error-texts";

/**
 * What a visitor sees when a page fails: translated, with a retry, the way
 * home and, on a town's site, its phone number. The reference is the digest
 * Next.js logs with the error (onRequestError), so support can find it.
 */
export function ErrorPanel({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useErrorTexts();
  if (!t) return null; // never: the root layout provides the texts
  return (
    <section aria-labelledby="error-title" className="flex flex-col gap-4" data-testid="error-page">
      <h1 id="error-title" className="text-3xl font-bold">{t.title}</h1>
      <p>{t.text}</p>
      {t.call && (
        <p className="text-xl font-semibold">
          <a href={t.call.href} className="underline">{t.call.text}</a>
        </p>
      )}
      <div className="flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-semibold text-white">{t.retry}</button>
        <a href="/" className="px-4 py-2 font-semibold underline">{t.home}</a>
      </div>
      {digest && <p className="text-sm text-zinc-700">{t.reference.replace("{digest}", digest)}</p>}
    </section>
  );
}
