import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentLocale } from "@/lib/i18n/current";
import "./globals.css";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The language ("en"), not the tag dates are formatted with ("en-GB").
  const locale = await currentLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        {/* Error pages everywhere; areas with client-side forms add their messages. */}
        <ClientMessages namespaces={["errorPage"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
