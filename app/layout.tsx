import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        {/* Error pages everywhere; areas with client-side forms add their messages. */}
        <ClientMessages namespaces={["errorPage"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
