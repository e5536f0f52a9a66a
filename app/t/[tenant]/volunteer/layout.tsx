import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The volunteer's pages: forms that translate in the browser, so every message (resident pages send only their own). */
export default function VolunteerLayout({ children }: { children: ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
