import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ErrorTextsProvider } from "@/components/errors/error-texts";
import { currentLocale } from "@/lib/i18n/current";
import { errorTexts } from "@/lib/i18n/error-texts";
import "./globals.css";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The language ("en"), not the tag dates are formatted with ("en-GB").
  const [locale, t] = await Promise.all([currentLocale(), getTranslations("errorPage")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        {/* Error pages everywhere, without next-intl's client library; areas with client-side forms add their messages (ClientMessages). */}
        <ErrorTextsProvider value={errorTexts(t)}>{children}</ErrorTextsProvider>
      </body>
    </html>
  );
}
