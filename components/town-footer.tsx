import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { townPhone } from "@/lib/phone/normalize";
import type { TenantContext } from "@/lib/tenancy/resolve";
import { keepTogether } from "@/lib/text/keep-together";

/**
 * Every public page of a town shows its central phone number and its legal pages.
 * Links do not prefetch: on an old phone's data plan a visit costs only the page read.
 */
export async function TownFooter({ tenant }: { tenant: TenantContext }) {
  const [t, tl] = await Promise.all([getTranslations("town"), getTranslations("legal")]);
  const phone = townPhone(tenant);
  return (
    <footer className="mt-12 border-t-4 border-brand bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-6 p-6">
        <p className="font-semibold">{t("name", { town: tenant.name })}</p>
        <a href={phone.href} className="underline">{t("callLink", { phone: phone.text })}</a>
        {tenant.email && <a href={`mailto:${tenant.email}`} className="underline">{t("emailLink", { email: tenant.email })}</a>}
        <nav aria-label={tl("footerLabel")} data-testid="legal-links">
          <ul className="flex flex-wrap gap-4">
            <li><Link href="/legal/accessibility" prefetch={false} className="underline">{tl("accessibilityLink")}</Link></li>
            <li><Link href="/legal/privacy" prefetch={false} className="underline">{tl("privacyLink")}</Link></li>
            <li><Link href="/legal/cookies" prefetch={false} className="underline">{tl("cookiesLink")}</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
