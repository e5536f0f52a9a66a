import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: `${t("title")} · Helpt` };
}

// Deliberately names no town: an unknown host or slug must not reveal which exist.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto flex max-w-2xl flex-col gap-4 p-8">
      <title>{`${t("title")} · Helpt`}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <a href="/" className="font-semibold text-blue-800 underline">{t("backHome")}</a>
      </p>
    </main>
  );
}
