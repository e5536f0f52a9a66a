import type { getTranslations } from "next-intl/server";

type Translator = Awaited<ReturnType<typeof getTranslations<"errorPage">>>;

/** What the error boundary shows, as plain strings; `reference` keeps its {digest} for the boundary to fill. */
export type ErrorTexts = {
  title: string; text: string; retry: string; home: string; reference: string;
  /** On a town's site: whom to call instead. */
  call?: { text: string; href: string };
};

export function errorTexts(t: Translator, town?: { name: string; phone: { text: string; href: string } }): ErrorTexts {
  return {
    title: t("title"), text: t("text"), retry: t("retry"), home: t("home"), reference: t.raw("reference") as string,
    ...(town && { call: { text: t("callTown", { town: town.name, phone: town.phone.text }), href: town.phone.href } }),
  };
}
