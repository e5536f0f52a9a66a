import type { ReactNode } from "react";
import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApexFooter } from "@/components/apex/apex-footer";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SkipLink } from "@/components/skip-link";
import { UserMenu } from "@/components/user-menu";
import { ApexLegalLinks } from "@/components/legal/apex-legal-links";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentSession } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("apexTitle"), description: t("apexDescription") };
}

export default async function ApexLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <>
      <SkipLink />
      <header className="bg-brand text-white shadow-sm">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 p-4">
          <Link href="/" className="text-2xl font-extrabold">Helpt</Link>
          <div className="flex flex-wrap items-center gap-4">
            <LanguageSwitcher locales={LOCALES} />
            <UserMenu email={session?.user?.email} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-5xl flex-col gap-8 p-6"><ClientMessages>{children}</ClientMessages></main>
      <ApexFooter legal={<ApexLegalLinks />} />
    </>
  );
}
