import { getTranslations } from "next-intl/server";
import type { Role } from "@/generated/prisma/enums";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SignInForm } from "@/components/sign-in-form";

/** Who is signed in, as the sign-in page shows it: platform admin or not, and the roles in this town. */
export type SignedIn = { platformAdmin: boolean; roles: readonly Role[] };

/** The sign-in page body, shared by the apex and every town; the page passes who is signed in (null: nobody). */
export async function SignInPanel(props: { town?: { name: string }; signedIn: SignedIn | null; error?: string }) {
  const [t, tr] = await Promise.all([getTranslations("signIn"), getTranslations("roles")]);
  if (props.signedIn) {
    const { roles } = props.signedIn;
    return (
      <section aria-labelledby="signed-in" className="flex flex-col gap-3">
        <h1 id="signed-in" className="text-3xl font-bold">{t("signedInTitle")}</h1>
        {props.signedIn.platformAdmin && <p>{t("platformAdmin")}</p>}
        {props.town && (
          <>
            <h2 className="text-xl font-semibold">{t("rolesTitle", { town: props.town.name })}</h2>
            {roles.length ? (
              <ul className="list-disc pl-6" data-testid="roles">
                {roles.map((r) => <li key={r}>{tr(r)}</li>)}
              </ul>
            ) : (
              <p>{t("noRoles", { town: props.town.name })}</p>
            )}
          </>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="sign-in" className="flex flex-col gap-4">
      <h1 id="sign-in" className="text-3xl font-bold">{t("title")}</h1>
      {props.error && <p role="alert" className="font-semibold text-red-800">{t("linkInvalid")}</p>}
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["signIn"]}>
        <SignInForm />
      </ClientMessages>
    </section>
  );
}
