import { headers } from "next/headers";
import { isLocale } from "@/lib/i18n/locales";
import { renderPoster, renderResidentLetter } from "@/lib/outreach/render";
import type { TenantContext } from "@/lib/tenancy/resolve";

export const DOCUMENTS = { letter: renderResidentLetter, poster: renderPoster } as const;
export type OutreachDocument = keyof typeof DOCUMENTS;

/** The town's public address as residents type it: the host this request came in on. */
async function siteUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (/localhost(:\d+)?$/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/** A printable PDF of the outreach kit, in a language the town offers. */
export async function outreachPdf(tenant: TenantContext, document: OutreachDocument, lang: string | null): Promise<Response> {
  const locale = isLocale(lang) && tenant.locales.includes(lang) ? lang : tenant.defaultLocale;
  const pdf = await DOCUMENTS[document]({ ...tenant, siteUrl: await siteUrl() }, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${tenant.slug}-helpt-${document}-${locale}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
