"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp, withinLimits } from "@/lib/abuse/rate-limit";
import { signIn, signOut } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/auth/schemas";
import { assertForm } from "@/lib/forms/bound";

export type SignInState = { email: string; error?: "invalidEmail" | "failed" | "rateLimited" };

/** Sends a magic link for the site it is called on; keeps what was typed on error. */
export async function requestMagicLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  assertForm(formData);
  const email = String(formData.get("email") ?? "").trim().slice(0, 300);
  const parsed = signInSchema.safeParse({ email });
  if (!parsed.success) return { email, error: "invalidEmail" };
  const site = (await headers()).get("host") ?? "";
  const address = parsed.data.email.toLowerCase();
  if (!(await withinLimits([["magicLinkPerEmail", `${site}:${address}`], ["magicLinkPerIp", await clientIp()]]))) {
    return { email, error: "rateLimited" };
  }
  try {
    await signIn("email", { email: address, redirect: false, redirectTo: "/sign-in" });
  } catch (error) {
    console.error("[auth] magic link failed", error);
    return { email, error: "failed" };
  }
  redirect("/sign-in/check-email");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
