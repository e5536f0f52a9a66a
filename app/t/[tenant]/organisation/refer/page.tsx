import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PhoneIntakeForm } from "@/components/requests/phone-intake-form";
import { requireRole } from "@/lib/auth/guard";
import { listCategories } from "@/lib/categories/queries";
import { newSubmissionKey } from "@/lib/forms/submission-key";
import { currentLocale } from "@/lib/i18n/current";
import { partnerSeat } from "@/lib/partners/members";
import { referAction } from "@/lib/referrals/actions";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ created?: string }> };

/** A partner's member registers a request for a resident: the phone intake's form, with the resident's consent to the referral. */
export default async function Refer({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ["ORGANISATION"]);
  const locale = await currentLocale(tenant.defaultLocale);
  const [{ created }, t, seat, categories] = await Promise.all([searchParams, getTranslations("partners"), partnerSeat(tenant, member.userId), listCategories(tenant, locale)]);
  if (!seat) notFound();
  return (
    <section aria-labelledby="refer" className="flex flex-col gap-4">
      <p><Link href="/organisation" className="underline">{seat.organisation.name}</Link></p>
      <h1 id="refer" className="text-3xl font-bold">{t("referTitle")}</h1>
      {typeof created === "string" && created.length <= 12 && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900" data-testid="referral-created">
          {t("referred", { reference: created })}{" "}
          <Link href="/organisation/referrals" className="underline">{t("referralsLink")}</Link>
        </p>
      )}
      <p className="max-w-3xl">{t("referIntro", { name: seat.member.name })}</p>
      {/* A fresh form for the next resident after each referral. */}
      <PhoneIntakeForm
        key={created ?? "new"} categories={categories} locales={tenant.locales} submissionKey={newSubmissionKey()}
        referral={{ action: referAction, consentLabel: t("consentLabel"), submitLabel: t("referSubmit") }}
      />
    </section>
  );
}
