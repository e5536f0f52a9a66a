import { getTranslations } from "next-intl/server";
import type { TenantContext } from "@/lib/tenancy/resolve";
import { keepTogether } from "@/lib/text/keep-together";

/** Every public page of a town shows its central phone number. */
export async function TownFooter({ tenant }: { tenant: TenantContext }) {
  const t = await getTranslations("town");
  return (
    <footer className="mt-12 border-t-4 border-brand bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-6 p-6">
        <p className="font-semibold">{t("name", { town: tenant.name })}</p>
        <a href={`tel:${tenant.phone.replace(/\s+/g, "")}`} className="underline">{t("callLink", { phone: keepTogether(tenant.phone) })}</a>
        {tenant.email && <a href={`mailto:${tenant.email}`} className="underline">{t("emailLink", { email: tenant.email })}</a>}
      </div>
    </footer>
  );
}
