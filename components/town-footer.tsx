import { getTranslations } from "next-intl/server";
import { townPhone } from "@/lib/phone/normalize";
import type { TenantContext } from "@/lib/tenancy/resolve";

/** Every public page of a town shows its central phone number. */
export async function TownFooter({ tenant }: { tenant: TenantContext }) {
  const t = await getTranslations("town");
  const phone = townPhone(tenant);
  return (
    <footer className="mt-12 border-t border-zinc-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-6 p-6">
        <p className="font-semibold">{t("name", { town: tenant.name })}</p>
        <a href={phone.href} className="underline">{t("callLink", { phone: phone.text })}</a>
        {tenant.email && <a href={`mailto:${tenant.email}`} className="underline">{t("emailLink", { email: tenant.email })}</a>}
      </div>
    </footer>
  );
}
