import { getFormatter, getTranslations } from "next-intl/server";
import { BillingButtons } from "@/components/settings/settings-forms";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { annualPriceCents } from "@/lib/billing/plans";
import { currentLocale } from "@/lib/i18n/current";
import { formatPrice } from "@/lib/locale/format";
import { billingEnabled } from "@/lib/billing/stripe";
import { townBilling } from "@/lib/settings/town";
import { currentTenant } from "@/lib/tenancy/current";

export default async function Billing() {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const [t, format, locale, row] = await Promise.all([
    getTranslations("settings"), getFormatter(), currentLocale(tenant.defaultLocale),
    townBilling(tenant),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long" }) : "—");
  return (
    <section aria-labelledby="billing" className="flex max-w-2xl flex-col gap-4">
      <h1 id="billing" className="text-3xl font-bold">{t("billingTitle")}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded bg-white p-4 shadow-sm" data-testid="billing-state">
        <dt className="font-semibold">{t("plan")}</dt><dd>{t(`plans.${row.plan}`)}</dd>
        <dt className="font-semibold">{t("billingStatus")}</dt><dd>{t(`billingStatuses.${row.billingStatus}`)}</dd>
        <dt className="font-semibold">{t("trialEnds")}</dt><dd>{date(row.trialEndsAt)}</dd>
        {row.graceEndsAt && (<><dt className="font-semibold">{t("graceEnds")}</dt><dd>{date(row.graceEndsAt)}</dd></>)}
        <dt className="font-semibold">{t("price")}</dt><dd>{row.population ? t("pricePerYear", { price: formatPrice(annualPriceCents(row.population), locale) }) : "—"}</dd>
      </dl>
      {row.billingStatus === "PAST_DUE" && <p role="alert" className="rounded border-2 border-amber-600 bg-amber-50 p-3 font-semibold">{t("pastDue", { date: date(row.graceEndsAt) })}</p>}
      {billingEnabled() ? <BillingButtons hasCustomer={!!row.stripeCustomerId} /> : <p data-testid="billing-off">{t("billingOff")}</p>}
    </section>
  );
}
