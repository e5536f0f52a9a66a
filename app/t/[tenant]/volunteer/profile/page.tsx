import { getTranslations } from "next-intl/server";
import { SmsAlertsPanel } from "@/components/volunteers/sms-alerts";
import { VolunteerProfileForm } from "@/components/volunteers/profile-form";
import { requireUser } from "@/lib/auth/guard";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { formatPhone } from "@/lib/phone/normalize";
import { isOptedOut } from "@/lib/sms/opt-out";
import { smsAvailable } from "@/lib/sms/provider";
import { currentTenant } from "@/lib/tenancy/current";
import { confirmPhoneCodeAction, sendPhoneCodeAction, smsAlertsAction } from "@/lib/volunteers/actions";
import { getOwnProfile } from "@/lib/volunteers/profile";
import { asCountry } from "@/lib/locale/country";

export default async function EditVolunteerProfile({ searchParams }: { searchParams: Promise<{ sms?: string | string[] }> }) {
  const tenant = await currentTenant();
  const user = await requireUser();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, profile, categories, { sms }] = await Promise.all([getTranslations("volunteer"), getOwnProfile(tenant, user.userId), listCategories(tenant, locale), searchParams]);
  const optedOut = profile ? await isOptedOut(profile.phone) : false;
  return (
    <section aria-labelledby="edit" className="flex flex-col gap-4">
      <h1 id="edit" className="text-3xl font-bold">{profile ? t("editProfile") : t("registerTitle", { town: tenant.name })}</h1>
      <VolunteerProfileForm categories={categories} profile={profile ?? undefined} townName={tenant.name} />
      {profile && smsAvailable() && (
        <SmsAlertsPanel
          phone={formatPhone(profile.phone, asCountry(tenant.country))}
          smsAlerts={profile.smsAlerts}
          verified={profile.phoneVerified === profile.phone}
          optedOut={optedOut}
          notice={sms === "saved" || sms === "sent" ? sms : null}
          actions={{ consent: smsAlertsAction, send: sendPhoneCodeAction, confirm: confirmPhoneCodeAction }}
        />
      )}
    </section>
  );
}
