import { getTranslations } from "next-intl/server";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/session-limits";

export async function CheckEmail() {
  const t = await getTranslations("signIn");
  return (
    <section aria-labelledby="check-email" className="flex flex-col gap-3">
      <h1 id="check-email" className="text-3xl font-bold">{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailText", { minutes: MAGIC_LINK_MINUTES })}</p>
    </section>
  );
}
