import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ConcernForm } from "@/components/concerns/concern-forms";
import { requireRole } from "@/lib/auth/guard";
import { raiseAsMemberAction } from "@/lib/concerns/actions";
import { ownAssignedRequests } from "@/lib/concerns/raise";
import { currentTenant } from "@/lib/tenancy/current";

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ sent?: string }> };

/** A volunteer or a partner organisation's member raises a concern about a person or a situation. */
export default async function RaiseConcern({ searchParams }: Props) {
  const tenant = await currentTenant();
  const member = await requireRole(tenant, ["VOLUNTEER", "ORGANISATION"]);
  const [t, { sent }, requests] = await Promise.all([getTranslations("concerns"), searchParams, ownAssignedRequests(tenant, member.userId)]);
  return (
    <section aria-labelledby="raise" className="flex flex-col gap-4">
      <h1 id="raise" className="text-3xl font-bold">{t("raiseTitle")}</h1>
      {sent && <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900" data-testid="concern-sent">{t("sent")}</p>}
      <p className="max-w-2xl">{t("raiseIntro", { town: tenant.name })}</p>
      <ClientMessages><ConcernForm action={raiseAsMemberAction} requests={requests} /></ClientMessages>
    </section>
  );
}
