import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalDocument, LegalSection } from "@/components/legal/legal-document";
import { legalCountry } from "@/lib/legal/countries";
import { platformOperator } from "@/lib/legal/operator";
import { townLegalFacts } from "@/lib/legal/town-facts";
import { currentTenant, requestTenant } from "@/lib/tenancy/current";

// The layout answers 404 for unknown towns; metadata must not throw first.
export async function generateMetadata(): Promise<Metadata> {
  const tenant = await requestTenant();
  return tenant ? { title: (await getTranslations("legal.privacy"))("title", { town: tenant.name }) } : {};
}

/** The town's privacy notice (GDPR Articles 13 and 14), from its own settings: contacts, DPO, retention. */
export default async function PrivacyNotice() {
  const tenant = await currentTenant();
  const [t, tl, format, facts] = await Promise.all([
    getTranslations("legal.privacy"), getTranslations("legal"), getFormatter(), townLegalFacts(tenant),
  ]);
  const town = facts.name;
  const operator = platformOperator();
  return (
    <LegalDocument id="privacy" title={t("title", { town })}>
      <p>{t("intro", { town })}</p>
      <LegalSection title={t("controllerTitle")}>
        <ul className="flex flex-col gap-1" data-testid="legal-contacts">
          <li>{t("controller", { town, phone: facts.phone })}</li>
          {facts.email && <li><a href={`mailto:${facts.email}`} className="underline">{t("controllerEmail", { email: facts.email })}</a></li>}
          {facts.dpoEmail
            ? <li data-testid="dpo"><a href={`mailto:${facts.dpoEmail}`} className="underline">{t("dpo", { email: facts.dpoEmail })}</a></li>
            : <li data-testid="dpo">{t("noDpo")}</li>}
        </ul>
        <p data-testid="operator">{t("processor", { operator: `${operator.name}, ${operator.address}` })}</p>
      </LegalSection>
      <LegalSection title={t("purposesTitle")}>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>{t("purposeRequests")}</li>
          <li>{t("purposeVolunteers")}</li>
          <li>{t("purposeChecks")}</li>
          <li>{t("purposeStaff")}</li>
          <li>{t("purposeSecurity")}</li>
          <li>{t("purposeConcerns")}</li>
          <li>{t("purposeHours")}</li>
        </ul>
      </LegalSection>
      <LegalSection title={t("recipientsTitle")}><p>{t("recipients")}</p></LegalSection>
      <LegalSection title={t("retentionTitle")}>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li data-testid="retention">{t("retentionRequests", { days: facts.retentionDays })}</li>
          <li>{t("retentionVolunteers")}</li>
          <li data-testid="retention-concerns">{t("retentionConcerns", { days: facts.retentionDays })}</li>
          <li>{t("retentionHours")}</li>
          <li>{t("retentionChecks")}</li>
          <li>{t("retentionTechnical", { minutes: facts.signInLinkMinutes })}</li>
        </ul>
      </LegalSection>
      <LegalSection title={t("rightsTitle")}>
        <p>{t("rights")}</p>
        <p>{t("rightsHow", { town, phone: facts.phone })}</p>
        {facts.email && <p>{t("rightsEmail", { email: facts.email })}</p>}
      </LegalSection>
      <LegalSection title={t("complaintTitle")}><p>{t(`complaint.${legalCountry(facts.country)}`)}</p></LegalSection>
      <LegalSection title={t("processorsTitle")}>
        <p>{t("processorsIntro")}</p>
        <ul className="flex list-disc flex-col gap-2 pl-6" data-testid="processors">
          <li>{t("processorHosting")}</li>
          <li>{t("processorEmail", { provider: facts.emailProvider })}</li>
          {facts.billing && <li>{t("processorStripe")}</li>}
        </ul>
      </LegalSection>
      <p className="text-sm">{tl("generatedFrom", { town, date: format.dateTime(facts.updatedAt, { dateStyle: "long" }) })}</p>
    </LegalDocument>
  );
}
