import { isLocale } from "@/lib/i18n/locales";
import { renderPoster, renderResidentLetter } from "@/lib/outreach/render";
import type { TenantContext } from "@/lib/tenancy/resolve";
import { currentSite } from "@/lib/tenancy/site";
import { townOrigin } from "@/lib/tenancy/urls";

export const DOCUMENTS = { letter: renderResidentLetter, poster: renderPoster } as const;
export type OutreachDocument = keyof typeof DOCUMENTS;

/** The town's public address as residents type it: the site this request came in on, as the database knows it. */
async function siteUrl(tenant: TenantContext): Promise<string> {
  return (await currentSite())?.origin ?? townOrigin(tenant.slug);
}

/** A printable PDF of the outreach kit, in a language the town offers. */
export async function outreachPdf(tenant: TenantContext, document: OutreachDocument, lang: string | null): Promise<Response> {
  const locale = isLocale(lang) && tenant.locales.includes(lang) ? lang : tenant.defaultLocale;
  const pdf = await DOCUMENTS[document]({ ...tenant, siteUrl: await siteUrl(tenant) }, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${tenant.slug}-helpt-${document}-${locale}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
