import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Settings: forms that translate in the browser, so every message (resident pages send only their own). */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
