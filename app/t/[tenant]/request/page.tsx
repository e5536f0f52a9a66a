import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { HelpRequestForm } from "@/components/requests/help-request-form";
import { listCategories } from "@/lib/categories/queries";
import { newSubmissionKey } from "@/lib/forms/submission-key";
import { currentLocale } from "@/lib/i18n/current";
import { townPhone } from "@/lib/phone/normalize";
import { currentTenant } from "@/lib/tenancy/current";
import { keepTogether } from "@/lib/text/keep-together";

export default async function AskForHelp() {
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const [t, categories] = await Promise.all([getTranslations("request"), listCategories(tenant, locale)]);
  return (
    <section aria-labelledby="ask" className="flex flex-col gap-4">
      <h1 id="ask" className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-2xl text-lg">{t("intro", { phone: townPhone(tenant).text })}</p>
      {tenant.status === "ACTIVE" ? (
        // The form's own messages only (the phone intake's labels come with the shared fields).
        <ClientMessages namespaces={["request", "intake", "when", "form"]}>
          <HelpRequestForm categories={categories} town={tenant.name} submissionKey={newSubmissionKey()} />
        </ClientMessages>
      ) : (
        <p role="status" className="text-lg font-semibold" data-testid="requests-paused">{t("paused", { phone: townPhone(tenant).text })}</p>
      )}
    </section>
  );
}
