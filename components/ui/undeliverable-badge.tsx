import { getTranslations } from "next-intl/server";

/** Shown next to a person whose address the town's mail no longer reaches (bounce or spam complaint). */
export async function UndeliverableBadge() {
  const t = await getTranslations("deliverability");
  return (
    <span className="ml-2 inline-block rounded border border-red-800 bg-red-50 px-1.5 py-0.5 text-sm font-semibold text-red-900" title={t("undeliverableHelp")} data-testid="email-undeliverable">
      {t("undeliverable")}
    </span>
  );
}
