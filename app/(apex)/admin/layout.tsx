import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
      <nav aria-label={t("label")} className="flex flex-wrap gap-2 border-b border-zinc-300 pb-3">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="rounded bg-white px-3 py-2 font-semibold text-zinc-900 underline-offset-2 shadow-sm hover:underline">
            {l.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
