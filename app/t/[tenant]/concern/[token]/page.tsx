import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ConcernForm } from "@/components/concerns/concern-forms";
import { raiseByLinkAction } from "@/lib/concerns/actions";
import { concernLinkRequest } from "@/lib/concerns/raise";
import { NotFoundInTenant } from "@/lib/errors";
import { townPhone } from "@/lib/phone/normalize";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ sent?: string }> };

// The token is the key: never indexed, never sent on as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A resident's private link (in their request's confirmation) to tell the
 * town's safeguarding lead about a worry, without signing in. It shows nothing
 * of the request but its reference; a forged or other town's link is "not found".
 */
export default async function ResidentConcern({ params, searchParams }: Props) {
  const [{ token }, { sent }] = await Promise.all([params, searchParams]);
  const tenant = await currentTenant();
  const request = await concernLinkRequest(tenant, token).catch((e) => {
    if (e instanceof NotFoundInTenant) notFound();
    throw e;
  });
  const t = await getTranslations("concerns");
  return (
    <section aria-labelledby="resident-concern" className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 id="resident-concern" className="text-3xl font-bold">{t("residentTitle")}</h1>
      {sent ? (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900" data-testid="concern-sent">{t("sent")}</p>
      ) : (
        <>
          <p>{t("residentIntro", { reference: request.reference })}</p>
          <p className="font-semibold">{t("urgent", { phone: townPhone(tenant).text })}</p>
          <ClientMessages>
            <ConcernForm action={raiseByLinkAction.bind(null, token)} contact aboutVolunteer={request.assignments.length > 0} />
          </ClientMessages>
        </>
      )}
    </section>
  );
}
