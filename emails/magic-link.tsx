import { Button, Text } from "@react-email/components";
import type { EmailTranslator } from "@/lib/email/render";
import { TownLayout, type EmailBrand } from "./town-layout";

export function MagicLinkEmail(props: { t: EmailTranslator; locale: string; brand: EmailBrand; url: string; minutes: number }) {
  const { t, brand } = props;
  return (
    <TownLayout
      brand={brand}
      locale={props.locale}
      preview={t("magicLink.preview", { town: brand.name })}
      footer={brand.phone ? t("footerWithPhone", { town: brand.name, phone: brand.phone }) : t("footer", { town: brand.name })}
    >
      <Text>{t("magicLink.intro", { town: brand.name })}</Text>
      <Button
        href={props.url}
        style={{ backgroundColor: brand.primaryColor, color: "#ffffff", padding: "12px 20px", borderRadius: 6, fontWeight: 700 }}
      >
        {t("magicLink.button")}
      </Button>
      <Text>{t("magicLink.expiry", { minutes: props.minutes })}</Text>
      <Text style={{ color: "#52525b" }}>{t("magicLink.ignore")}</Text>
    </TownLayout>
  );
}
