import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { PhoneIntakeForm } from "@/components/requests/phone-intake-form";
import { listCategories } from "@/lib/categories/queries";
import { newSubmissionKey } from "@/lib/forms/submission-key";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ created?: string }> };

export default async function PhoneIntake({ searchParams }: Props) {
  const tenant = await currentTenant();
  // Also checked here, not only in the layout: the page renders alongside the layout, and its
  // output would travel in the body of the layout's redirect or 404.
  await requireRole(tenant, STAFF_ROLES);
  const locale = await currentLocale(tenant.defaultLocale);
  const [{ created }, t, categories] = await Promise.all([searchParams, getTranslations("intake"), listCategories(tenant, locale)]);
  return (
    <section aria-labelledby="intake" className="flex flex-col gap-4">
      <h1 id="intake" className="text-3xl font-bold">{t("title")}</h1>
      {typeof created === "string" && created.length <= 12 && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900" data-testid="intake-created">
          {t("created", { reference: created })}{" "}
          <Link href="/staff/requests" className="underline">{t("toQueue")}</Link>
        </p>
      )}
      <p>{t("intro")}</p>
      {/* Issue 21: a caller with a worry rather than a request. */}
      <p><Link href="/staff/concerns/new" className="underline">{t("concernInstead")}</Link></p>
      {/* A fresh form for the next caller after each save. */}
      <PhoneIntakeForm key={created ?? "new"} categories={categories} locales={tenant.locales} submissionKey={newSubmissionKey()} />
    </section>
  );
}
