import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/** The apex site's footer; `legal` is the slot for the platform's legal links. */
export async function ApexFooter({ legal }: { legal?: ReactNode }) {
  const t = await getTranslations("apex");
  return (
    <footer className="mt-12 border-t-4 border-brand bg-white">
      <nav aria-label={t("footerLabel")} className="mx-auto flex max-w-5xl flex-col gap-3 p-6 sm:flex-row sm:flex-wrap sm:items-center sm:gap-6">
        <p className="font-semibold">{t("footerTagline")}</p>
        <a href="/start" className="underline">{t("footerStart")}</a>
        <a href="/#towns" className="underline">{t("footerTowns")}</a>
        {legal}
      </nav>
    </footer>
  );
}
