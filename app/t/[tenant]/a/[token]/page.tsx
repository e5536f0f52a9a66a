import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AlertOfferForm } from "@/components/alerts/alert-offer-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { alertOfferAction } from "@/lib/alerts/actions";
import { alertLinkView } from "@/lib/alerts/link";
import { NotFoundInTenant } from "@/lib/errors";
import { currentLocale } from "@/lib/i18n/current";
import { currentTenant } from "@/lib/tenancy/current";
import { whenTeller } from "@/lib/when/when-text";

type Props = { params: Promise<{ token: string }> };

// The token is the key: never indexed, never sent on as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * An alert's one-click link, opened on a phone without signing in. Reading
 * it changes nothing; the button posts. It shows only what the public list
 * shows (a forwarded link tells nobody who it was meant for). A forged, used, expired or other
 * town's link is the town's "not found" page.
 */
export default async function AlertLink({ params }: Props) {
  const { token } = await params;
  const tenant = await currentTenant();
  const locale = await currentLocale(tenant.defaultLocale);
  const view = await alertLinkView(tenant, token, locale).catch((e) => {
    if (e instanceof NotFoundInTenant) notFound();
    throw e;
  });
  const [t, tc, tellWhen] = await Promise.all([getTranslations("alertLink"), getTranslations("checks"), whenTeller()]);
  return (
    <article aria-labelledby="alert-title" className="mx-auto flex max-w-xl flex-col gap-4">
      <title>{t("metaTitle")}</title>
      <h1 id="alert-title" className="text-3xl font-bold">{t("title")}</h1>
      {view.open && view.missingChecks.length > 0 ? (
        <p role="status" data-testid="needs-checks">{tc("needed", { kinds: view.missingChecks.map((k) => tc(`kinds.${k}`)).join(", ") })}</p>
      ) : view.open ? (
        <>
          <p>{t("intro")}</p>
          {view.summary && <p className="whitespace-pre-wrap rounded bg-white p-3 shadow-sm">{view.summary}</p>}
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="alert-request">
            <dt className="font-semibold">{t("what")}</dt><dd>{view.category}</dd>
            <dt className="font-semibold">{t("where")}</dt><dd>{view.place || "—"}</dd>
            <dt className="font-semibold">{t("when")}</dt><dd>{tellWhen({ when: view.when, weekly: view.weekly })}</dd>
          </dl>
          <ClientMessages namespaces={["alertLink", "form"]}>
            <AlertOfferForm action={alertOfferAction.bind(null, token)} />
          </ClientMessages>
          <p className="text-zinc-700">{t("privacy")}</p>
        </>
      ) : (
        <p role="status">{t("closed")}</p>
      )}
    </article>
  );
}
