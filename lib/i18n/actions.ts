"use server";

import { cookies } from "next/headers";
import { assertForm } from "@/lib/forms/bound";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localeChoiceSchema } from "@/lib/i18n/schemas";

/** Remembers the visitor's language for this site (host-only cookie). */
export async function setLocale(formData: FormData): Promise<void> {
  assertForm(formData);
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true,
  });
}
