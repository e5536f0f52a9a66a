import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The main site's footer: the documents a town accepts at sign-up, and the cookie notice. */
export async function ApexFooter() {
  const t = await getTranslations("legal");
  return (
    <footer className="mt-12 border-t border-zinc-300 bg-white">
      <nav aria-label={t("footerLabel")} className="mx-auto max-w-5xl p-6" data-testid="legal-links">
        <ul className="flex flex-wrap gap-4">
          <li><Link href="/legal/terms" className="underline">{t("termsLink")}</Link></li>
          <li><Link href="/legal/dpa" className="underline">{t("dpaLink")}</Link></li>
          <li><Link href="/legal/cookies" className="underline">{t("cookiesLink")}</Link></li>
        </ul>
      </nav>
    </footer>
  );
}
