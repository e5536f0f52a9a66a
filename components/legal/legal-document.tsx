import type { ReactNode } from "react";

/** The frame of every legal page: one heading, readable line length, sections below. */
export function LegalDocument({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <article aria-labelledby={id} className="flex max-w-3xl flex-col gap-6" data-testid="legal-page">
      <h1 id={id} className="text-3xl font-bold">{title}</h1>
      {children}
    </article>
  );
}

export function LegalSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-2xl font-bold">{title}</h2>
      {children}
    </section>
  );
}
