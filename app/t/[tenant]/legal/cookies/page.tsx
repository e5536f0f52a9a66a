import { getTranslations } from "next-intl/server";
import { CookieTable } from "@/components/legal/cookie-table";
import { LegalDocument } from "@/components/legal/legal-document";
import { currentTenant } from "@/lib/tenancy/current";

/** Only strictly necessary cookies: listed by name, so nothing needs consent. */
export default async function CookieNotice({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await currentTenant((await params).tenant);
  const [t, tt] = await Promise.all([getTranslations("legal.cookies"), getTranslations("town")]);
  return (
    <LegalDocument id="cookies" title={t("title")}>
      <p>{t("intro", { site: tt("name", { town: tenant.name }) })}</p>
      <CookieTable apex={false} />
    </LegalDocument>
  );
}
