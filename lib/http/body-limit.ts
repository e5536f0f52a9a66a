import type { NextRequest } from "next/server";
import { LOCALE_COOKIE, LOCALES, pickLocale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

/** Next.js's own limit for server-action bodies (serverActions.bodySizeLimit, 1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

const MESSAGES = { en: en.form.formErrors.tooLarge, fr: fr.form.formErrors.tooLarge, nl: nl.form.formErrors.tooLarge };

/**
 * Form posts (server actions) over the limit: Next.js answers those with a
 * 500, so the proxy refuses them first with a 413 in the visitor's language.
 * Route handlers under /api/ read their own bodies and are left alone.
 */
export function tooLargeResponse(request: NextRequest): Response | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  if (!(Number(request.headers.get("content-length")) > MAX_ACTION_BODY_BYTES)) return null;
  const locale = pickLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language"), enabled: LOCALES, fallback: "en",
  });
  return new Response(MESSAGES[locale], { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
}
