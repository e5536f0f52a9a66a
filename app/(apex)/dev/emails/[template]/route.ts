import { devMailboxEnabled } from "@/lib/email/deliver";
import { renderSample } from "@/lib/email/preview";
import { isTemplateName } from "@/lib/email/templates";
import { isLocale } from "@/lib/i18n/locales";

/** One template's HTML as a mail client would show it (development mode only). */
export async function GET(request: Request, { params }: { params: Promise<{ template: string }> }) {
  const { template } = await params;
  if (!devMailboxEnabled() || !isTemplateName(template)) return new Response("Not found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  const mail = await renderSample(template, isLocale(lang) ? lang : "nl");
  return new Response(mail.html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
