import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CookieTable } from "@/components/legal/cookie-table";
import { LegalDocument } from "@/components/legal/legal-document";

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${(await getTranslations("legal.cookies"))("title")} — Helpt` };
}

/** The main site's cookies: the towns' ones plus the sign-up wizard's. */
export default async function ApexCookieNotice() {
  const t = await getTranslations("legal.cookies");
  return (
    <LegalDocument id="cookies" title={t("title")}>
      <p>{t("intro", { site: "Helpt" })}</p>
      <CookieTable apex />
    </LegalDocument>
  );
}
