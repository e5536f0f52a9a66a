"use client";

import { createContext, useContext, type ReactNode } from "react";

type TownInfo = { name: string; phone: string } | null;

const Context = createContext<TownInfo>(null);

/** The town's name and phone for client components under its layout (the error boundary). */
export function TownInfoProvider({ value, children }: { value: NonNullable<TownInfo>; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useTownInfo = () => useContext(Context);
