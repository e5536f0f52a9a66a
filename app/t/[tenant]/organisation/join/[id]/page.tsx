import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JoinPartnerForm } from "@/components/partners/partner-forms";
import { requireUser } from "@/lib/auth/guard";
import { idSchema } from "@/lib/forms/bound";
import { joinPartnerAction } from "@/lib/partners/actions";
import { openPartnerInvitation } from "@/lib/partners/invitations";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * An invitation to work for a partner, opened by its e-mail's sign-in link.
 * Only the invited address, signed in, sees it; a used, expired or other
 * town's invitation is "not found". Reading it changes nothing; joining posts.
 */
export default async function JoinPartner({ params }: Props) {
  const tenant = await currentTenant();
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const invitation = await openPartnerInvitation(tenant, user, id.data);
  if (!invitation) notFound();
  const t = await getTranslations("partners");
  return (
    <section aria-labelledby="join" className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 id="join" className="text-3xl font-bold">{t("joinTitle", { organisation: invitation.organisation.name })}</h1>
      <p>{t("joinIntro", { organisation: invitation.organisation.name, kind: t(`kinds.${invitation.organisation.kind}`), role: t(`roles.${invitation.role}`), town: tenant.name })}</p>
      <JoinPartnerForm action={joinPartnerAction.bind(null, id.data)} />
    </section>
  );
}
