import { getTranslations } from "next-intl/server";
import { concernLinkToken } from "@/lib/concerns/link-token";
import { HOUR_MS } from "@/lib/dates/durations";
import { townPhone } from "@/lib/phone/normalize";
import { getConfirmation } from "@/lib/requests/queries";
import { isReference } from "@/lib/requests/reference";
import { currentTenant } from "@/lib/tenancy/current";
import { keepTogether } from "@/lib/text/keep-together";

type Props = { searchParams: Promise<{ ref?: string }> };

export default async function Thanks({ searchParams }: Props) {
  const tenant = await currentTenant();
  const { ref } = await searchParams;
  const [t, confirmation] = await Promise.all([
    getTranslations("request"),
    isReference(ref) ? getConfirmation(tenant, ref) : null,
  ]);
  return (
    <section aria-labelledby="thanks" className="flex max-w-2xl flex-col gap-4" data-testid="confirmation">
      <h1 id="thanks" className="text-3xl font-bold">{t("thanksTitle")}</h1>
      {confirmation && (
        <p className="rounded border-4 border-brand bg-white p-4 text-2xl font-bold" data-testid="reference">
          {t("thanksReference", { reference: confirmation.reference })}
        </p>
      )}
      <p>{t("thanksNext")}</p>
      {confirmation?.contactMethod === "EMAIL" && <p>{t("thanksEmail")}</p>}
      <p className="text-lg font-semibold">{t("thanksCall", { phone: townPhone(tenant).text })}</p>
      {/* The private concern link only on a resident's own fresh confirmation (the e-mail carries it for later): an old
          reference opens no link, nor one registered by staff or a partner (who know those references). */}
      {confirmation?.source === "ONLINE" && Date.now() - confirmation.createdAt.getTime() < HOUR_MS && (
        <p><a href={`/concern/${concernLinkToken(tenant.id, confirmation.id)}`} className="underline" rel="noreferrer" data-testid="concern-link">{t("thanksConcern")}</a></p>
      )}
    </section>
  );
}
