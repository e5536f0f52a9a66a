import { getTranslations } from "next-intl/server";
import { devMailboxEnabled } from "@/lib/email/deliver";
import { restartAction } from "@/lib/signup/actions";
import { SLUG_PATTERN } from "@/lib/tenancy/parse-host";
import { publicTownUrl } from "@/lib/tenancy/urls";

type Props = { searchParams: Promise<{ town?: string; trial?: string }> };

export default async function SignUpDone({ searchParams }: Props) {
  const [{ town, trial }, t] = await Promise.all([searchParams, getTranslations("signup")]);
  const slug = typeof town === "string" && SLUG_PATTERN.test(town) ? town : null;
  return (
    <section aria-labelledby="done" className="flex max-w-2xl flex-col gap-4" data-testid="signup-done">
      <h1 id="done" className="text-3xl font-bold">{t("doneTitle")}</h1>
      {slug && (
        <p className="text-lg">
          {t("doneLive")} <a href={publicTownUrl(slug)} className="font-bold text-blue-900 underline" data-testid="town-link">{publicTownUrl(slug)}</a>
        </p>
      )}
      {trial && <p className="rounded border-2 border-amber-600 bg-amber-50 p-3">{t("doneTrial")}</p>}
      <p>{t("doneMail")}</p>
      {devMailboxEnabled() && <p><a href="/dev/mailbox" className="underline">{t("doneDevMailbox")}</a></p>}
      <form action={restartAction}>
        <button type="submit" className="rounded border-2 border-blue-900 bg-white px-4 py-2 font-semibold text-blue-900">{t("startAnother")}</button>
      </form>
    </section>
  );
}
