import { getTranslations } from "next-intl/server";
import { VolunteerProfileForm } from "@/components/volunteers/profile-form";
import { requireUser } from "@/lib/auth/guard";
import { listCategories } from "@/lib/categories/queries";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";
import { getOwnProfile } from "@/lib/volunteers/profile";

export default async function EditVolunteerProfile() {
  const tenant = await currentTenant();
  const user = await requireUser();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, profile, categories] = await Promise.all([getTranslations("volunteer"), getOwnProfile(tenant, user.userId), listCategories(tenant, locale)]);
  return (
    <section aria-labelledby="edit" className="flex flex-col gap-4">
      <h1 id="edit" className="text-3xl font-bold">{profile ? t("editProfile") : t("registerTitle", { town: tenant.name })}</h1>
      <VolunteerProfileForm categories={categories} profile={profile ?? undefined} townName={tenant.name} />
    </section>
  );
}
