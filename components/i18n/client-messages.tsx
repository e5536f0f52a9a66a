import type { ReactNode } from "react";
import { NextIntlClientProvider, type Messages } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The messages that the client components below need, and no more. Left to
 * itself next-intl writes every message of the language into each page
 * (about 20 KB compressed), which a resident on an old phone pays for on
 * every visit; areas full of forms (staff, settings, apex) take them all.
 */
export async function ClientMessages({ namespaces, children }: { namespaces?: readonly (keyof Messages)[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = namespaces ? Object.fromEntries(namespaces.map((n) => [n, messages[n]])) : messages;
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
