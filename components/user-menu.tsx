import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/sign-in/actions";

/** Sign-in link or the signed-in address with sign-out; the layout passes the session's e-mail (null when signed out). */
export async function UserMenu({ email }: { email: string | null | undefined }) {
  const t = await getTranslations("nav");
  if (!email) {
    return (
      <Link href="/sign-in" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <form action={signOutAction} className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
      <span className="min-w-0 [overflow-wrap:anywhere]">{t("signedInAs", { email })}</span>
      <button type="submit" className="rounded border border-current px-2 py-1 font-semibold">
        {t("signOut")}
      </button>
    </form>
  );
}
