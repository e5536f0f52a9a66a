"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ErrorTexts } from "@/lib/i18n/error-texts";

// The error boundary's words, translated on the server and handed down as
// plain strings: the boundary is in every page's script, and next-intl's
// client library (about 20 KB compressed) would be too.
const Context = createContext<ErrorTexts | null>(null);

export function ErrorTextsProvider({ value, children }: { value: ErrorTexts; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useErrorTexts = () => useContext(Context);
