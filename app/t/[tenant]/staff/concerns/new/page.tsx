import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConcernForm } from "@/components/concerns/concern-forms";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guard";
import { raiseByPhoneAction } from "@/lib/concerns/actions";
import { phoneConcernContext } from "@/lib/concerns/raise";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { searchParams: Promise<{ request?: string; sent?: string }> };

/**
 * Staff writing down a resident's concern on the phone, from the request's
 * page (it names the request, and offers its volunteers) or on its own. Once
 * sent it goes to the safeguarding leads; staff do not see it again.
 */
export default async function NewConcern({ searchParams }: Props) {
  const tenant = await currentTenant();
  await requireRole(tenant, STAFF_ROLES);
  const [t, { request: requestId, sent }] = await Promise.all([getTranslations("concerns"), searchParams]);
  const { request, volunteers } = await phoneConcernContext(tenant, typeof requestId === "string" ? requestId : undefined);
  return (
    <section aria-labelledby="new-concern" className="flex flex-col gap-4">
      <h1 id="new-concern" className="text-3xl font-bold">{t("phoneTitle")}</h1>
      {sent && <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900" data-testid="concern-sent">{t("sent")}</p>}
      {request && <p>{t("forRequest")} <Link href={`/staff/requests/${request.id}`} className="font-mono underline">{request.reference}</Link></p>}
      <p className="max-w-2xl">{t("phoneIntro")}</p>
      <ConcernForm action={raiseByPhoneAction.bind(null, request?.id ?? "")} contact volunteers={volunteers} />
    </section>
  );
}
