import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CookieTable } from "@/components/legal/cookie-table";
import { LegalDocument } from "@/components/legal/legal-document";
import { currentTenant, requestTenant } from "@/lib/tenancy/current";

// The layout answers 404 for unknown towns; metadata must not throw first.
export async function generateMetadata(): Promise<Metadata> {
  const tenant = await requestTenant();
  return tenant ? { title: `${(await getTranslations("legal.cookies"))("title")} — ${(await getTranslations("town"))("name", { town: tenant.name })}` } : {};
}

/** Only strictly necessary cookies: listed by name, so nothing needs consent. */
export default async function CookieNotice() {
  const tenant = await currentTenant();
  const [t, tt] = await Promise.all([getTranslations("legal.cookies"), getTranslations("town")]);
  return (
    <LegalDocument id="cookies" title={t("title")}>
      <p>{t("intro", { site: tt("name", { town: tenant.name }) })}</p>
      <CookieTable apex={false} />
    </LegalDocument>
  );
}
