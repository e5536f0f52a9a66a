import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { InvitationForm } from "@/components/imports/invitation-form";
import type { InvitationState } from "@/lib/imports/actions";

type Action = (prev: InvitationState, formData: FormData) => Promise<InvitationState>;

/**
 * What an imported volunteer says yes to, and the form to say it: the code of
 * conduct, the town's privacy statement. On the invitation link's page and on
 * their own volunteer page once they sign in before following the link.
 */
export async function InvitationTerms({ town, action, signIn }: { town: string; action: Action; signIn: ReactNode }) {
  const [t, tv] = await Promise.all([getTranslations("invitation"), getTranslations("volunteer")]);
  return (
    <>
      <section aria-labelledby="coc" className="rounded border-2 border-zinc-300 bg-white p-4">
        <h2 id="coc" className="text-lg font-bold">{tv("codeTitle", { town })}</h2>
        <ul className="list-disc pl-6">
          <li>{tv("code1")}</li><li>{tv("code2")}</li><li>{tv("code3")}</li><li>{tv("code4")}</li>
        </ul>
      </section>
      <p><Link href="/legal/privacy" className="font-semibold text-brand underline">{t("privacyLink")}</Link></p>
      <ClientMessages namespaces={["invitation", "volunteer", "form"]}>
        <InvitationForm action={action} privacyLabel={t("privacyAccept", { town })} signIn={signIn} />
      </ClientMessages>
    </>
  );
}
