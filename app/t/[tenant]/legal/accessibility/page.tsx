import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalDocument, LegalSection } from "@/components/legal/legal-document";
import { ACCESSIBILITY_PREPARED_ON, ACCESSIBILITY_REVIEWED_ON, documentDate } from "@/lib/legal/documents";
import { legalCountry } from "@/lib/legal/countries";
import { townLegalFacts } from "@/lib/legal/town-facts";
import { currentTenant, requestTenant } from "@/lib/tenancy/current";

// The layout answers 404 for unknown towns; metadata must not throw first.
export async function generateMetadata(): Promise<Metadata> {
  const tenant = await requestTenant();
  return tenant ? { title: (await getTranslations("legal.accessibility"))("title", { town: tenant.name }) } : {};
}

/** The statement Directive (EU) 2016/2102 asks of every public-sector site, from the town's own settings. */
export default async function AccessibilityStatement() {
  const tenant = await currentTenant();
  const [t, tl, tt, format, facts] = await Promise.all([
    getTranslations("legal.accessibility"), getTranslations("legal"), getTranslations("town"), getFormatter(), townLegalFacts(tenant),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <LegalDocument id="accessibility" title={t("title", { town: facts.name })}>
      <p>{t("intro", { town: facts.name, site: tt("name", { town: facts.name }) })}</p>
      <LegalSection title={t("statusTitle")}><p>{t("status")}</p></LegalSection>
      <LegalSection title={t("limitationsTitle")}>
        <ul className="list-disc pl-6">
          <li>{t("limitation1")}</li>
          <li>{t("limitation2")}</li>
          <li>{t("limitation3")}</li>
        </ul>
      </LegalSection>
      <LegalSection title={t("preparationTitle")}>
        <p>{t("preparation", { prepared: day(documentDate(ACCESSIBILITY_PREPARED_ON)), reviewed: day(documentDate(ACCESSIBILITY_REVIEWED_ON)) })}</p>
      </LegalSection>
      <LegalSection title={t("feedbackTitle")}>
        <p>{t("feedback", { town: facts.name })}</p>
        <ul className="flex flex-col gap-1" data-testid="legal-contacts">
          <li><a href={`tel:${facts.phone.replace(/\s+/g, "")}`} className="underline">{t("feedbackPhone", { phone: facts.phone })}</a></li>
          {facts.email && <li><a href={`mailto:${facts.email}`} className="underline">{t("feedbackEmail", { email: facts.email })}</a></li>}
        </ul>
      </LegalSection>
      <LegalSection title={t("enforcementTitle")}><p data-testid="enforcement">{t(`enforcement.${legalCountry(facts.country)}`)}</p></LegalSection>
      <p className="text-sm">{tl("generatedFrom", { town: facts.name, date: day(facts.updatedAt) })}</p>
    </LegalDocument>
  );
}
