import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalDocument, LegalSection } from "@/components/legal/legal-document";
import { DPA_SECTIONS, documentDate, LEGAL_VERSIONS, TERMS_SECTIONS } from "@/lib/legal/documents";
import { platformOperator } from "@/lib/legal/operator";

export async function platformDocumentMetadata(kind: "terms" | "dpa"): Promise<Metadata> {
  return { title: `${(await getTranslations(`legal.${kind}`))("title")} — Helpt` };
}

/** The platform terms or the data processing agreement, in their current version. */
export async function PlatformDocument({ kind }: { kind: "terms" | "dpa" }) {
  const [t, tl, format] = await Promise.all([getTranslations(`legal.${kind}`), getTranslations("legal"), getFormatter()]);
  const sections = kind === "terms" ? TERMS_SECTIONS : DPA_SECTIONS;
  const version = LEGAL_VERSIONS[kind === "terms" ? "TERMS" : "DPA"];
  return (
    <LegalDocument id={kind} title={t("title")}>
      <p className="font-semibold" data-testid="version">{tl("version", { date: format.dateTime(documentDate(version), { dateStyle: "long" }) })}</p>
      <p data-testid="operator">{tl("operatorLine", platformOperator())}</p>
      <p>{t("intro")}</p>
      {sections.map((s) => (
        <LegalSection key={s} title={t(`${s}Title`)}><p>{t(s)}</p></LegalSection>
      ))}
    </LegalDocument>
  );
}
