import { Text } from "@react-email/components";
import type { EmailTranslator } from "@/lib/email/render";
import { TownLayout, type EmailBrand } from "./town-layout";

/** Sent to a resident who gave an e-mail address with their request. */
export function RequestReceivedEmail(props: { t: EmailTranslator; locale: string; brand: EmailBrand & { phone: string }; reference: string }) {
  const { t, brand } = props;
  return (
    <TownLayout
      brand={brand}
      locale={props.locale}
      preview={t("requestReceived.preview", { reference: props.reference })}
      footer={t("footerWithPhone", { town: brand.name, phone: brand.phone })}
    >
      <Text>{t("requestReceived.intro", { town: brand.name })}</Text>
      <Text style={{ fontSize: 20, fontWeight: 700 }}>{t("requestReceived.reference", { reference: props.reference })}</Text>
      <Text>{t("requestReceived.next")}</Text>
      <Text>{t("requestReceived.call", { phone: brand.phone })}</Text>
    </TownLayout>
  );
}
