import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SubNav } from "@/components/ui/sub-nav";
import { requirePlatformAdmin } from "@/lib/auth/platform";

/** Everything under /admin is for platform admins (each page and action checks again); others get a 404 without this navigation. */
export default async function PlatformAdminLayout({ children }: { children: ReactNode }) {
  await requirePlatformAdmin();
  const t = await getTranslations("platform.nav");
  const links = [
    { href: "/admin", label: t("towns") },
    { href: "/admin/email", label: t("email") },
  ];
  return (
    <div className="flex flex-col gap-6">
      <SubNav label={t("label")} links={links} />
      {children}
    </div>
  );
}
