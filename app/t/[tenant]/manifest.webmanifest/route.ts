import { getTranslations } from "next-intl/server";
import { brandColours } from "@/lib/branding/brand-colours";
import { notFoundResponse } from "@/lib/http/not-found";
import { currentLocale } from "@/lib/i18n/current";
import { requestTenant } from "@/lib/tenancy/current";

/** The town's web app manifest: "Leuven Helpt" on the home screen, in the town's colour, opening the volunteer page. */
export async function GET() {
  const tenant = await requestTenant();
  if (!tenant) return notFoundResponse();
  const [t, lang] = await Promise.all([getTranslations("town"), currentLocale(tenant.defaultLocale)]);
  const { brand } = brandColours(tenant.primaryColor);
  const manifest = {
    id: "/",
    name: t("name", { town: tenant.name }),
    short_name: tenant.name,
    lang,
    start_url: "/volunteer",
    scope: "/",
    display: "standalone",
    theme_color: brand,
    background_color: "#ffffff",
    icons: [
      { src: "/app-icon", type: "image/svg+xml", sizes: "any", purpose: "any" },
      ...(tenant.logoUrl ? [{ src: tenant.logoUrl, sizes: "any", purpose: "any" }] : []),
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "content-type": "application/manifest+json; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
