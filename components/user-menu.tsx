import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";

export async function UserMenu() {
  const [session, t] = await Promise.all([currentSession(), getTranslations("nav")]);
  if (!session?.user) {
    return (
      <Link href="/sign-in" prefetch={false} className="rounded px-2 py-1 text-sm font-semibold underline underline-offset-2">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <form action={signOutAction} className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
      <span className="min-w-0 [overflow-wrap:anywhere]">{t("signedInAs", { email: session.user.email })}</span>
      <button type="submit" className="rounded border border-current px-2 py-1 font-semibold">
        {t("signOut")}
      </button>
    </form>
  );
}
