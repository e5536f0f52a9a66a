import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The documents a town accepts at sign-up, and the cookie notice: the legal slot of the apex footer. */
export async function ApexLegalLinks() {
  const t = await getTranslations("legal");
  return (
    <ul aria-label={t("footerLabel")} className="flex flex-wrap gap-4" data-testid="legal-links">
      <li><Link href="/legal/terms" className="underline">{t("termsLink")}</Link></li>
      <li><Link href="/legal/dpa" className="underline">{t("dpaLink")}</Link></li>
      <li><Link href="/legal/cookies" className="underline">{t("cookiesLink")}</Link></li>
    </ul>
  );
}
