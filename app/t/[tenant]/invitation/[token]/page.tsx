import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InvitationTerms } from "@/components/imports/invitation-terms";
import { acceptInvitationAction } from "@/lib/imports/actions";
import { openInvitation } from "@/lib/imports/invitation";
import { currentTenant } from "@/lib/tenancy/current";

type Props = { params: Promise<{ token: string }> };

// The token is the key: never indexed, never sent on as a referrer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * An imported volunteer's invitation link: the code of conduct and the
 * town's privacy statement to accept. Reading it changes nothing; the button
 * posts. A forged, used, expired or other town's link is "not found".
 */
export default async function Invitation({ params }: Props) {
  const { token } = await params;
  const tenant = await currentTenant();
  const invited = await openInvitation(tenant, token.slice(0, 200));
  if (!invited) notFound();
  const t = await getTranslations("invitation");
  return (
    <article aria-labelledby="invitation-title" className="mx-auto flex max-w-2xl flex-col gap-4">
      <title>{t("metaTitle")}</title>
      <h1 id="invitation-title" className="text-3xl font-bold">{t("title", { name: invited.name })}</h1>
      <p>{t("intro", { town: tenant.name })}</p>
      <InvitationTerms
        town={tenant.name}
        action={acceptInvitationAction.bind(null, token)}
        signIn={<Link href="/sign-in" className="self-start rounded bg-brand px-5 py-3 font-bold text-white">{t("signIn")}</Link>}
      />
    </article>
  );
}
