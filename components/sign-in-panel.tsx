import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/sign-in-form";
import { currentSession } from "@/lib/auth/session";
import { currentMember } from "@/lib/auth/guard";

/** The sign-in page body, shared by the apex and every town. */
export async function SignInPanel(props: { town?: { id: string; name: string }; error?: string }) {
  const [session, t, tr] = await Promise.all([currentSession(), getTranslations("signIn"), getTranslations("roles")]);
  if (session?.user) {
    const roles = props.town ? ((await currentMember(props.town))?.roles ?? []) : [];
    return (
      <section aria-labelledby="signed-in" className="flex flex-col gap-3">
        <h1 id="signed-in" className="text-3xl font-bold">{t("signedInTitle")}</h1>
        {session.user.isPlatformAdmin && <p>{t("platformAdmin")}</p>}
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
      <SignInForm />
    </section>
  );
}
