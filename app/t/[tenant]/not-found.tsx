import { getTranslations } from "next-intl/server";
import { requestTenant } from "@/lib/tenancy/current";

// A page that does not exist on an existing town's site: inside the town's layout,
// naming the town (unknown towns get the root not-found page, which names none).
export default async function TownNotFound() {
  const tenant = await requestTenant();
  const [t, tn] = await Promise.all([getTranslations("errorPage"), getTranslations("notFound")]);
  return (
    <section aria-labelledby="not-found" className="flex flex-col gap-4" data-testid="not-found">
      <title>{`${tn("title")} · ${tenant?.name ?? "Helpt"}`}</title>
      <h1 id="not-found" className="text-3xl font-bold">{tn("title")}</h1>
      <p>{tenant ? t("notFoundText", { town: tenant.name }) : tn("text")}</p>
      <p>
        <a href="/" className="font-semibold text-brand underline">{t("home")}</a>
      </p>
    </section>
  );
}
