"use server";

import { cookies } from "next/headers";
import { siteAction } from "@/lib/actions/pipeline";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localeChoiceSchema } from "@/lib/i18n/schemas";

/** Remembers the visitor's language for this site (host-only cookie). */
export async function setLocale(formData: FormData): Promise<void> {
  await siteAction(formData, { who: "anyone", input: localeChoiceSchema }, async (_ctx, input) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, {
      path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true,
    });
  });
}
