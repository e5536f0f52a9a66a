import { getTranslations } from "next-intl/server";

/** A route handler's 404 in the visitor's language (`notFound()` in a route handler answers with an empty body). */
export async function notFoundResponse(): Promise<Response> {
  const t = await getTranslations("notFound");
  return new Response(`${t("title")}. ${t("text")}`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
